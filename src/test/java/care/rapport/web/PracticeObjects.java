package care.rapport.web;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import care.rapport.TestPractice;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.AlertSeverity;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.Commitments;
import care.rapport.goals.Goals;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administrations;
import care.rapport.messaging.Messages;
import care.rapport.messaging.Upload;
import care.rapport.notes.NoteDraft;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNotes;
import care.rapport.notes.PsychotherapyNotes;
import care.rapport.scheduling.AppointmentRequests;
import care.rapport.scheduling.AppointmentTypes;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects of one test practice that access tests ask for by id: each client's goal,
 * commitment, session request, message attachment, alert, due questionnaire and a held session with
 * its notes, plus the practice's own appointment type and consent document. Each is made on first
 * use through the modules' APIs, as their owner would make it, and then reused.
 */
final class PracticeObjects {

	private final ApplicationContext context;

	private final TestPractice practice;

	private final Map<String, String> made = new HashMap<>();

	PracticeObjects(ApplicationContext context, TestPractice practice) {
		this.context = context;
		this.practice = practice;
	}

	TestPractice practice() {
		return practice;
	}

	/** The therapist of this practice's client A or B. */
	RapportUser therapistOf(ClientId client) {
		return practice.user(client.equals(practice.clientOfA()) ? practice.therapistAEmail()
				: practice.therapistBEmail());
	}

	/** The portal account of this practice's client A or B. */
	RapportUser accountOf(ClientId client) {
		return practice.user(client.equals(practice.clientOfA()) ? practice.clientAEmail() : practice.clientBEmail());
	}

	/** A goal of this client, proposed by their therapist (and accepted, for client A). */
	String goal(ClientId client) {
		return once("goal " + client, () -> {
			var therapist = therapistOf(client);
			var goals = bean(Goals.class);
			var id = goals.propose(therapist, clinical(therapist, client), "A goal", null);
			if (client.equals(practice.clientOfA())) {
				goals.accept(accountOf(client), clinical(therapist, client), id, "");
			}
			return id.toString();
		});
	}

	/** A commitment of this client, made by their therapist. */
	String commitment(ClientId client) {
		return once("commitment " + client, () -> {
			var therapist = therapistOf(client);
			return bean(Commitments.class)
				.make(therapist, clinical(therapist, client), CommitmentOwner.CLIENT, "A commitment", null)
				.toString();
		});
	}

	/** A pending session request of the client with this portal e-mail. */
	UUID sessionRequest(String clientEmail) {
		return UUID.fromString(once("request " + clientEmail, () -> {
			var self = practice.user(clientEmail);
			var record = bean(Clients.class).ownRecord(self).orElseThrow();
			return bean(AppointmentRequests.class)
				.request(self, record, Instant.now().plus(Duration.ofDays(3)), 50, null, "", UUID.randomUUID())
				.toString();
		}));
	}

	/** A PDF this client sent their therapist, after consenting to messaging. */
	String attachment(ClientId client) {
		return once("attachment " + client, () -> {
			var user = accountOf(client);
			var consents = bean(Consents.class);
			consents.sign(user, consents.current(practice.practice().id(), ConsentKind.MESSAGING).id(),
					user.displayName());
			var record = bean(Clients.class).ownRecord(user).orElseThrow();
			bean(Messages.class).send(user, record, "A file", new Upload("letter.pdf", "%PDF-1.4 test".getBytes()),
					null);
			return bean(JdbcClient.class).sql("""
					select a.attachment_id from message_attachment a
					join message m on m.practice_id = a.practice_id and m.message_id = a.message_id
					where m.practice_id = :p and m.client_id = :c""")
				.param("p", practice.practice().id().value())
				.param("c", client.value())
				.query(UUID.class)
				.single()
				.toString();
		});
	}

	/** An open alert about this client, owned by their therapist. */
	String alert(ClientId client) {
		return once("alert " + client, () -> bean(Alerts.class)
			.raise(practice.practice().id(), client, therapistOf(client).id(),
					new AlertCandidate(AlertType.ALLIANCE, AlertSeverity.MEDIUM, null, 1, Instant.now(),
							"Check-in 7.5, below 9"),
					null)
			.orElseThrow()
			.toString());
	}

	/**
	 * A questionnaire due for this client before their next session, 40 hours ahead (after the
	 * reminder window, within what is shown as due). Tied to an upcoming session so that recording
	 * attendance at a past one, which marks what was due for it as missed, leaves it due.
	 */
	String administration(ClientId client) {
		return once("administration " + client, () -> {
			var upcoming = bean(Appointments.class).book(practice.practice().id(), client, therapistOf(client).id(),
					Instant.now().plus(Duration.ofHours(40)), Duration.ofMinutes(50));
			return bean(Administrations.class)
				.due(practice.practice().id(), client)
				.stream()
				.filter(due -> upcoming.value().equals(due.appointmentId()))
				.findFirst()
				.orElseThrow()
				.id()
				.value()
				.toString();
		});
	}

	/**
	 * A session of this client held a week ago, with a progress note signed by their therapist and
	 * a psychotherapy note of theirs: every note endpoint has something to find.
	 */
	String heldSessionWithNotes(ClientId client) {
		return once("held session " + client, () -> {
			var therapist = therapistOf(client);
			var appointments = bean(Appointments.class);
			var session = appointments.book(practice.practice().id(), client, therapist.id(),
					Instant.now().minus(Duration.ofDays(7)), Duration.ofMinutes(50));
			appointments.attend(practice.practice().id(), session);
			bean(ProgressNotes.class).sign(therapist, client, session,
					new NoteDraft(NoteTemplate.FREE_TEXT, Map.of("text", "A signed note"), 0, UUID.randomUUID()));
			bean(PsychotherapyNotes.class).save(therapist, client, session, "A private note", 0, UUID.randomUUID());
			return session.toString();
		});
	}

	/** A kind of session this practice offers. */
	String appointmentType() {
		return once("appointment type", () -> bean(AppointmentTypes.class)
			.add(practice.practice().id(), "Isolation " + UUID.randomUUID().toString().substring(0, 8), 50, false)
			.toString());
	}

	/** An instrument of this practice's own: the GAD-7 imported under a code of the practice. */
	String instrument() {
		return once("instrument", () -> {
			String code = "OWN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
			var gad7 = bean(care.rapport.measures.Instruments.class).get("GAD-7");
			String questionnaire = bean(care.rapport.fhir.QuestionnaireJson.class)
				.write(bean(care.rapport.fhir.QuestionnaireMapper.class).toQuestionnaire(gad7))
				.replace("GAD-7", code);
			bean(care.rapport.fhir.ImportedInstruments.class).importQuestionnaire(practice.user(practice.adminEmail()),
					questionnaire);
			return code;
		});
	}

	/** The practice's current treatment consent document (written on first use). */
	String consentDocument() {
		return once("consent document", () -> bean(Consents.class)
			.current(practice.practice().id(), ConsentKind.TREATMENT)
			.id()
			.toString());
	}

	private Client clinical(RapportUser therapist, ClientId client) {
		return bean(Clients.class).openForCare(therapist, client, "test").orElseThrow();
	}

	private String once(String what, java.util.function.Supplier<String> make) {
		String id = made.get(what);
		if (id == null) {
			id = make.get();
			made.put(what, id);
		}
		return id;
	}

	private <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

}
