package care.rapport.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import care.rapport.clients.Client;
import care.rapport.clients.Episodes;
import care.rapport.consent.ConsentState;
import care.rapport.consent.ConsentStatus;
import care.rapport.consent.Consents;
import care.rapport.feedback.Alerts;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administrations;
import care.rapport.messaging.Messages;
import care.rapport.notes.ProgressNotes;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentTypes;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import care.rapport.scheduling.Availability;
import org.springframework.stereotype.Component;

/** What each home page shows, read through the other modules' APIs. */
@Component
class HomeSummaries {

	/** One step of a new practice's set-up, ticked off once done. */
	record Step(String id, String label, String why, String href, boolean done) {
	}

	/** The therapist's day: today's sessions and what waits for them. */
	record Today(List<Appointments.CalendarEntry> sessions, int openAlerts, int notesToWrite, int unreadMessages) {
	}

	/** The client's home: their next session, what to sign, whether a check-in is due. */
	record ClientHome(Optional<Appointment> nextSession, List<ConsentState> toSign, int checkInsDue) {
	}

	private final Accounts accounts;

	private final Availability availability;

	private final AppointmentTypes appointmentTypes;

	private final Consents consents;

	private final Appointments appointments;

	private final Alerts alerts;

	private final ProgressNotes notes;

	private final Messages messages;

	private final Episodes episodes;

	private final Administrations administrations;

	HomeSummaries(Accounts accounts, Availability availability, AppointmentTypes appointmentTypes, Consents consents,
			Appointments appointments, Alerts alerts, ProgressNotes notes, Messages messages, Episodes episodes,
			Administrations administrations) {
		this.accounts = accounts;
		this.availability = availability;
		this.appointmentTypes = appointmentTypes;
		this.consents = consents;
		this.appointments = appointments;
		this.alerts = alerts;
		this.notes = notes;
		this.messages = messages;
		this.episodes = episodes;
		this.administrations = administrations;
	}

	/** A new practice's next steps, in the order a founder takes them. */
	List<Step> setUp(RapportUser admin) {
		var practice = admin.practiceId();
		boolean availabilitySet = accounts.clinicians(practice)
			.stream()
			.anyMatch(c -> !availability.windows(practice, c.id()).isEmpty());
		boolean consentReviewed = consents.currentDocuments(practice).stream().noneMatch(d -> d.template());
		return List.of(
				new Step("availability", "Set your availability", "so clients can ask for sessions at times you work",
						"/app/schedule", availabilitySet),
				new Step("kinds", "Add the kinds of session you offer", "with their usual lengths",
						"/app/appointment-types", !appointmentTypes.active(practice).isEmpty()),
				new Step("consent", "Review the consent templates", "and publish your own versions for clients to sign",
						"/app/consent-documents", consentReviewed),
				new Step("team", "Invite your team", "therapists, supervisors and other admins", "/app/team",
						accounts.staff(practice).size() > 1));
	}

	Today today(RapportUser therapist, ZoneId zone) {
		LocalDate day = LocalDate.now(zone);
		var sessions = appointments
			.calendar(therapist.practiceId(), therapist.id(), day.atStartOfDay(zone).toInstant(),
					day.plusDays(1).atStartOfDay(zone).toInstant())
			.stream()
			.filter(e -> e.appointment().attendance() != Attendance.CANCELLED)
			.toList();
		return new Today(sessions, alerts.countOpenFor(therapist), notes.countToWrite(therapist),
				messages.unreadFor(therapist));
	}

	ClientHome client(RapportUser self, Client record) {
		Instant now = Instant.now();
		Optional<Appointment> next = episodes.current(self.practiceId(), record.id())
			.map(e -> appointments.ofEpisode(self.practiceId(), e.id()))
			.orElse(List.of())
			.stream()
			.filter(a -> a.attendance() == Attendance.SCHEDULED && a.endsAt().isAfter(now))
			.findFirst();
		List<ConsentState> toSign = consents.statusFor(self.practiceId(), record.id())
			.stream()
			.filter(s -> s.status() == ConsentStatus.NOT_SIGNED || s.status() == ConsentStatus.OUTDATED)
			.toList();
		return new ClientHome(next, toSign, administrations.due(self.practiceId(), record.id()).size());
	}

}
