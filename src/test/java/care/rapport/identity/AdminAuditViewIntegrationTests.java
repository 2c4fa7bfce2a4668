package care.rapport.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.audit.AuditAction;
import care.rapport.clients.Clients;
import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.AlertSeverity;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.goals.Goals;
import care.rapport.measures.Administrations;
import care.rapport.notes.NoteDraft;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNotes;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A practice admin oversees who opened or changed which client's record and when, but learns
 * nothing clinical from the audit trail: no alert kinds, acknowledgements, goals or notes.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AdminAuditViewIntegrationTests {

	/** Words that tell something of a client's care when they appear next to their name. */
	private static final List<String> CLINICAL_WORDS = List.of("risk", "deterioration", "safety plan", "alert",
			"goal", "note", "phq-9", "questionnaire");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminsAuditViewNeverContainsAClinicalWordThatTheCareTeamsWordingDoes() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail());
		var client = practice.user(practice.clientAEmail());
		var p = practice.practice().id();
		var appointments = context.getBean(Appointments.class);
		var session = appointments.book(p, practice.clientOfA(), therapist.id(), Instant.now().minus(Duration.ofHours(2)),
				Duration.ofMinutes(50));
		// A risk answer on the PHQ-9, in the portal.
		UUID phq9 = context.getBean(Administrations.class)
			.due(p, practice.clientOfA())
			.stream()
			.filter(a -> a.instrumentCode().equals("PHQ-9"))
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		var answers = post("/me/measures/" + phq9).with(csrf()).with(practice.as(practice.clientAEmail()));
		for (int i = 1; i <= 9; i++) {
			answers.param("item.q" + i, i == 9 ? "2" : "1");
		}
		mvc.perform(answers);
		var alerts = context.getBean(Alerts.class);
		alerts.raise(p, practice.clientOfA(), therapist.id(), new AlertCandidate(AlertType.DETERIORATION,
				AlertSeverity.HIGH, "PHQ-9", 2, Instant.now(), "PHQ-9 rose from 9 to 17"), null);
		var risk = alerts.ofClient(p, practice.clientOfA())
			.stream()
			.filter(a -> a.type() == AlertType.RISK)
			.findFirst()
			.orElseThrow();
		mvc.perform(post("/app/alerts/" + risk.id().value() + "/acknowledge").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("action", "SAFETY_PLAN_REVIEWED")
			.param("note", "Called the same day; safety plan reviewed together."));
		var record = context.getBean(Clients.class).ownRecord(client).orElseThrow();
		context.getBean(Goals.class).write(client, record, "Sleep six hours a night", null);
		appointments.attend(p, session);
		context.getBean(ProgressNotes.class)
			.sign(therapist, practice.clientOfA(), session,
					new NoteDraft(NoteTemplate.FREE_TEXT, Map.of("text", "Reviewed the safety plan"), 0, UUID.randomUUID()));

		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/progress").with(practice.as(practice.therapistAEmail())));

		// What the client and their care team read: each action with its detail.
		String careTeamWording = jdbc.sql("select action, detail from audit_event where practice_id = :p and client_id = :c")
			.param("p", p.value())
			.param("c", practice.clientOfA().value())
			.query((rs, n) -> AuditAction.valueOf(rs.getString(1)).label() + " " + rs.getString(2))
			.list()
			.toString()
			.toLowerCase(Locale.ROOT);
		String adminView = eventsTable(mvc.perform(get("/app/audit").param("client", practice.clientOfA().toString())
			.with(practice.as(practice.adminEmail()))).andReturn().getResponse().getContentAsString());

		assertThat(careTeamWording).as("the care team's wording of these events")
			.contains("risk", "deterioration", "safety plan", "goal", "note");
		for (String word : CLINICAL_WORDS) {
			if (careTeamWording.contains(word)) {
				assertThat(adminView.toLowerCase(Locale.ROOT)).as("the admin's view").doesNotContain(word);
			}
		}
		assertThat(adminView).contains("Changed a clinical record", "Viewed a clinical record",
				practice.user(practice.clientAEmail()).displayName(), therapist.displayName());
		// The risk alert was raised by Rapport itself: even a bare "changed a clinical record" by the system
		// would tell the admin that something clinical happened to this client.
		assertThat(adminView).as("the admin's view").doesNotContain("Rapport");
	}

	@Test
	void anAdminIsOfferedNoSingleClinicalActionToFilterBy() throws Exception {
		var practice = TestPractice.create(context);
		String page = mvc.perform(get("/app/audit").param("action", "ALERT_ACKNOWLEDGED")
			.with(practice.as(practice.adminEmail()))).andReturn().getResponse().getContentAsString();

		assertThat(page).doesNotContain(AuditAction.ALERT_ACKNOWLEDGED.label(), AuditAction.ALERT_RAISED.label(),
				AuditAction.NOTE_SIGNED.label());
		assertThat(page).contains("<option value=\"CLINICAL_CHANGE\" selected=\"selected\">Changed a clinical record</option>");
	}

	@Test
	void anAdminFindsAPersonByEMailTellsClientsApartAndSeesTheirOwnSearchesOnlyWhenAsked() throws Exception {
		var practice = TestPractice.create(context);
		var admin = practice.as(practice.adminEmail());
		for (String email : List.of(practice.therapistAEmail(), practice.therapistBEmail())) {
			var owner = email.equals(practice.therapistAEmail()) ? practice.clientOfA() : practice.clientOfB();
			mvc.perform(get("/app/clients/" + owner).with(practice.as(email)));
		}
		mvc.perform(get("/app/audit").with(admin));

		String byEmail = eventsTable(mvc.perform(get("/app/audit").param("actor", practice.therapistAEmail()).with(admin))
			.andReturn().getResponse().getContentAsString());
		assertThat(byEmail).contains(practice.user(practice.therapistAEmail()).displayName())
			.doesNotContain(practice.user(practice.therapistBEmail()).displayName());

		String all = eventsTable(mvc.perform(get("/app/audit").with(admin)).andReturn().getResponse().getContentAsString());
		assertThat(all).contains(practice.user(practice.clientAEmail()).displayName(),
				practice.user(practice.clientBEmail()).displayName());
		assertThat(all).doesNotContain(AuditAction.AUDIT_SEARCHED.label());
		String withSearches = eventsTable(mvc.perform(get("/app/audit").param("searches", "true").with(admin))
			.andReturn().getResponse().getContentAsString());
		assertThat(withSearches).contains(AuditAction.AUDIT_SEARCHED.label());
	}

	@Test
	void viewingProgressIsRecordedAsSuch() throws Exception {
		var practice = TestPractice.create(context);
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/progress").with(practice.as(practice.therapistAEmail())));

		assertThat(jdbc.sql("select count(*) from audit_event where client_id = :c and action = 'PROGRESS_VIEWED'")
			.param("c", practice.clientOfA().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static String eventsTable(String page) {
		int start = page.indexOf("<table");
		return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
	}

}
