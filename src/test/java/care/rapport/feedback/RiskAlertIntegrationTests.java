package care.rapport.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.measures.Administration;
import care.rapport.measures.Administrations;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client answers the PHQ-9 in the portal. A risk answer is never lost, delayed or hidden: it is
 * stored with its alert in one transaction, the client sees crisis resources at once, and the
 * therapist finds it first in their alerts.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RiskAlertIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Administrations administrations;

	@Autowired
	Alerts alerts;

	TestPractice practice;

	@BeforeEach
	void bookASession() {
		practice = TestPractice.create(context);
		context.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofHours(1)), Duration.ofMinutes(50));
	}

	@Test
	void aBookedSessionAsksTheClientForTheMeasuresOfTheirPlan() throws Exception {
		assertThat(due()).extracting(Administration::instrumentCode).containsExactlyInAnyOrder("PHQ-9", "GAD-7");
		assertThat(due()).allSatisfy(a -> assertThat(a.sessionNumber()).isEqualTo(1));
		mvc.perform(get("/me/measures").with(asClient()))
			.andExpect(content().string(containsString("PHQ-9")))
			.andExpect(content().string(containsString("GAD-7")));
	}

	@Test
	void missingAnswersAreMarkedAndWhatWasTypedIsKept() throws Exception {
		UUID phq = dueId("PHQ-9");
		mvc.perform(answers(phq, 1, 2, 1, 0, 0, 0, 0, 0))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Some answers are missing")))
			.andExpect(content().string(containsString("Please choose an answer.")))
			.andExpect(content().string(containsString("checked")));
		assertThat(statusOf(phq)).isEqualTo("DUE");
	}

	@Test
	void outOfRangeOrUnknownAnswersAreABadRequestAndStoreNothing() throws Exception {
		UUID phq = dueId("PHQ-9");
		mvc.perform(answers(phq, 1, 2, 1, 0, 0, 0, 0, 0).param("item.q9", "7"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("7 is not one of the answers")));
		mvc.perform(answers(phq, 1, 2, 1, 0, 0, 0, 0, 0, 0).param("item.q10", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not an item of PHQ-9")));
		assertThat(statusOf(phq)).isEqualTo("DUE");
		assertThat(jdbc.sql("select count(*) from answer where administration_id = :a").param("a", phq)
			.query(Long.class).single()).isZero();
	}

	@Test
	void aRiskAnswerRaisesOneAlertShowsCrisisResourcesAndIsNeverStoredTwice() throws Exception {
		UUID phq = dueId("PHQ-9");
		mvc.perform(answers(phq, 2, 2, 1, 1, 0, 1, 0, 0, 1)).andExpect(redirectedUrl("/me/measures/" + phq + "/thanks"));
		mvc.perform(get("/me/measures/" + phq + "/thanks").with(asClient()))
			.andExpect(content().string(containsString("9-8-8")))
			.andExpect(content().string(containsString("911")));

		mvc.perform(answers(phq, 0, 0, 0, 0, 0, 0, 0, 0, 0))
			.andExpect(redirectedUrl("/me/measures/" + phq + "/thanks?again"));
		assertThat(jdbc.sql("select total from administration where administration_id = :a").param("a", phq)
			.query(Integer.class).single()).isEqualTo(8);

		List<Alert> risk = alertsOfClientA();
		assertThat(risk).singleElement().satisfies(alert -> {
			assertThat(alert.type()).isEqualTo(AlertType.RISK);
			assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
			assertThat(alert.reason()).contains("PHQ-9").contains("Several days");
			assertThat(Duration.between(alert.raisedAt(), alert.dueAt())).isEqualTo(Duration.ofHours(24));
		});
		String mail = jdbc.sql("select subject || ' ' || body from outbox_message where recipient = :t order by created_at desc limit 1")
			.param("t", practice.therapistAEmail())
			.query(String.class)
			.single();
		assertThat(mail).contains("Urgent").doesNotContain("PHQ").doesNotContain("Client A");
	}

	@Test
	void aPracticeShowsItsOwnCrisisResourcesAfterARiskAnswer() throws Exception {
		mvc.perform(post("/app/practice/crisis-lines").with(csrf()).with(practice.as(practice.adminEmail()))
			.param("lines", "no colon here"))
			.andExpect(content().string(containsString("write a name, a colon")))
			.andExpect(content().string(containsString("no colon here")));
		mvc.perform(post("/app/practice/crisis-lines").with(csrf()).with(practice.as(practice.adminEmail()))
			.param("lines", "Island crisis line: call 1-888-494-3888\nEmergency: call 911"))
			.andExpect(redirectedUrl("/app/practice"));

		UUID phq = dueId("PHQ-9");
		mvc.perform(answers(phq, 0, 0, 0, 0, 0, 0, 0, 0, 2));
		mvc.perform(get("/me/measures/" + phq + "/thanks").with(asClient()))
			.andExpect(content().string(containsString("Island crisis line")))
			.andExpect(content().string(containsString("1-888-494-3888")));
	}

	@Test
	void theTherapistSeesTheRiskFirstAcknowledgesItWithAnActionAndTheAuditShowsIt() throws Exception {
		UUID phq = dueId("PHQ-9");
		mvc.perform(answers(phq, 1, 1, 1, 1, 1, 1, 1, 1, 2));
		String clientName = practice.user(practice.clientAEmail()).displayName();

		mvc.perform(get("/app/alerts").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString(clientName)))
			.andExpect(content().string(containsString("Risk")));
		mvc.perform(get("/app/alerts").with(practice.as(practice.therapistBEmail())))
			.andExpect(content().string(not(containsString(clientName))));
		mvc.perform(get("/app/alerts").with(practice.as(practice.adminEmail())))
			.andExpect(content().string(not(containsString(clientName))));

		UUID alert = alertsOfClientA().get(0).id().value();
		mvc.perform(post("/app/alerts/" + alert + "/acknowledge").with(csrf())
			.with(practice.as(practice.therapistBEmail()))
			.param("action", "DISCUSSED_IN_SESSION")).andExpect(status().isNotFound());
		mvc.perform(post("/app/alerts/" + alert + "/acknowledge").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("action", "OTHER")).andExpect(content().string(containsString("Add a short note")));
		mvc.perform(post("/app/alerts/" + alert + "/acknowledge").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("action", "SAFETY_PLAN_REVIEWED")
			.param("note", "Called the same day; safety plan reviewed together."))
			.andExpect(redirectedUrl("/app/alerts"));

		assertThat(alertsOfClientA().get(0).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(alertsOfClientA().get(0).note()).isEqualTo("Called the same day; safety plan reviewed together.");
		byte[] stored = jdbc.sql("select note from alert where alert_id = :a").param("a", alert).query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the note at rest")
			.doesNotContain("safety plan").doesNotContain("Called the same day");
		assertThat(jdbc.sql("""
				select detail from audit_event where practice_id = :p and action = 'ALERT_ACKNOWLEDGED'""")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list()).singleElement().asString().contains("Safety plan reviewed");
	}

	@Test
	void aRiskAlertNotAcknowledgedInTimeGoesToTheSupervisor() throws Exception {
		mvc.perform(answers(dueId("PHQ-9"), 1, 1, 1, 1, 1, 1, 1, 1, 3));
		jdbc.sql("update alert set due_at = now() - interval '1 minute' where practice_id = :p")
			.param("p", practice.practice().id().value())
			.update();

		assertThat(alerts.escalateOverdueRisks()).isGreaterThanOrEqualTo(1);

		assertThat(alertsOfClientA().get(0).escalatedAt()).isNotNull();
		mvc.perform(get("/app/alerts").with(practice.as(practice.supervisorEmail())))
			.andExpect(content().string(containsString("escalated to supervisor")));
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :s")
			.param("s", practice.supervisorEmail())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDeclinedMeasureIsRecordedAndNeverCountsAsMissed() throws Exception {
		UUID gad = dueId("GAD-7");
		mvc.perform(post("/me/measures/" + gad + "/decline").with(csrf()).with(asClient()))
			.andExpect(redirectedUrl("/me/measures"));
		assertThat(statusOf(gad)).isEqualTo("DECLINED");
		assertThat(due()).extracting(Administration::instrumentCode).containsExactly("PHQ-9");

		var appointment = jdbc.sql("select appointment_id from appointment where practice_id = :p and client_id = :c")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(UUID.class)
			.single();
		takesPlace(appointment);
		context.getBean(Appointments.class)
			.attend(practice.practice().id(), new care.rapport.scheduling.AppointmentId(appointment));
		assertThat(statusOf(gad)).isEqualTo("DECLINED");
		assertThat(statusOf(dueIdAfterAttendance())).isEqualTo("DUE");
	}

	@Test
	void aRiskAnswerEnteredFromPaperRaisesTheSameAlert() throws Exception {
		var request = post("/app/clients/" + practice.clientOfA() + "/paper/PHQ-9").with(csrf())
			.with(practice.as(practice.therapistAEmail()));
		for (int i = 1; i <= 8; i++) {
			request.param("item.q" + i, "0");
		}
		mvc.perform(request).andExpect(content().string(containsString("Some answers are missing")));
		assertThat(alertsOfClientA()).isEmpty();

		mvc.perform(request.param("item.q9", "2")).andExpect(redirectedUrl("/app/clients/" + practice.clientOfA() + "/progress"));
		assertThat(alertsOfClientA()).singleElement().satisfies(alert -> assertThat(alert.type()).isEqualTo(AlertType.RISK));
		assertThat(jdbc.sql("select source from administration where client_id = :c and status = 'COMPLETED'")
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.list()).containsExactly("PAPER");
	}

	@Test
	void theClientSeesTheirChangeInPlainWordsAndOnlyTheCheckInsTheTherapistAllows() throws Exception {
		var appointments = context.getBean(Appointments.class);
		var therapist = practice.user(practice.therapistAEmail()).id();
		for (int session = 0; session < 2; session++) {
			UUID phq = dueId("PHQ-9");
			int level = session == 0 ? 2 : 1;
			mvc.perform(answers(phq, level, level, level, level, level, level, level, level, 0));
			mvc.perform(answers(dueId("GAD-7"), 1, 1, 1, 1, 1, 1, 1));
			var appointment = jdbc.sql("""
					select appointment_id from appointment where practice_id = :p and client_id = :c and status = 'SCHEDULED'""")
				.param("p", practice.practice().id().value())
				.param("c", practice.clientOfA().value())
				.query(UUID.class)
				.single();
			takesPlace(appointment);
			appointments.attend(practice.practice().id(), new care.rapport.scheduling.AppointmentId(appointment));
			var checkIn = post("/me/measures/" + dueId("CHECK-IN")).with(csrf()).with(asClient());
			for (int i = 1; i <= 4; i++) {
				checkIn.param("item.q" + i, "10");
			}
			mvc.perform(checkIn);
			if (session == 0) {
				appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
						Instant.now().plus(Duration.ofHours(2)), Duration.ofMinutes(50));
			}
		}
		mvc.perform(get("/me/progress").with(asClient()))
			.andExpect(content().string(containsString("Since you started, your score has dropped 8 points")))
			.andExpect(content().string(containsString("a change large enough to be real, not chance")))
			.andExpect(content().string(containsString("Session check-in")));

		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/check-in-visibility").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("visible", "false"));
		mvc.perform(get("/me/progress").with(asClient()))
			.andExpect(content().string(not(containsString("Session check-in"))));
	}

	@Test
	void aSingleUseLinkTakesAnswersOnceWithoutSigningIn() throws Exception {
		UUID phq = dueId("PHQ-9");
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/measures/" + phq + "/link").with(csrf())
			.with(practice.as(practice.therapistAEmail()))).andExpect(status().is3xxRedirection());
		String body = jdbc.sql("select body from outbox_message where recipient = :c order by created_at desc limit 1")
			.param("c", practice.clientAEmail())
			.query(String.class)
			.single();
		var matcher = java.util.regex.Pattern.compile("/respond/([A-Za-z0-9_-]+)").matcher(body);
		assertThat(matcher.find()).isTrue();
		String link = "/respond/" + matcher.group(1);

		mvc.perform(get(link)).andExpect(content().string(containsString("Little interest or pleasure")));
		var answers = post(link).with(csrf());
		for (int i = 1; i <= 9; i++) {
			answers.param("item.q" + i, i == 9 ? "1" : "0");
		}
		mvc.perform(answers).andExpect(content().string(containsString("9-8-8")));
		mvc.perform(answers).andExpect(content().string(containsString("Already received, thank you")));
		assertThat(statusOf(phq)).isEqualTo("COMPLETED");
		assertThat(alertsOfClientA()).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(AlertType.RISK));

		jdbc.sql("update administration set link_expires_at = now() - interval '1 minute' where administration_id = :a")
			.param("a", phq)
			.update();
		mvc.perform(get(link)).andExpect(content().string(containsString("Already received")));
	}

	@Test
	void twoSessionsInARowWithoutTheDueMeasuresRaiseAMissedAlert() {
		var appointments = context.getBean(Appointments.class);
		var therapist = practice.user(practice.therapistAEmail()).id();
		attendScheduledSession(appointments);
		assertThat(alertsOfClientA()).isEmpty();
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist, Instant.now().plus(Duration.ofHours(3)),
				Duration.ofMinutes(50));
		attendScheduledSession(appointments);

		assertThat(alertsOfClientA()).extracting(Alert::type).contains(AlertType.MISSED);
	}

	private void attendScheduledSession(Appointments appointments) {
		var appointment = jdbc.sql("""
				select appointment_id from appointment where practice_id = :p and client_id = :c and status = 'SCHEDULED'""")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(UUID.class)
			.single();
		takesPlace(appointment);
		appointments.attend(practice.practice().id(), new care.rapport.scheduling.AppointmentId(appointment));
	}

	/**
	 * Moves a session booked for later today back by a day, so it has taken place and may be
	 * attended (attendance is refused before a session starts); sessions keep their order and gaps.
	 */
	private void takesPlace(UUID appointment) {
		jdbc.sql("""
				update appointment set starts_at = starts_at - interval '1 day', ends_at = ends_at - interval '1 day'
				where appointment_id = :a""")
			.param("a", appointment)
			.update();
	}

	@Test
	void aPeriodicMeasureFallsDueOncePerPeriod() throws Exception {
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/plan").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("timing.PHQ-9", "BEFORE_SESSION")
			.param("timing.GAD-7", "EVERY_N_WEEKS")
			.param("weeks.GAD-7", "99")).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.flash().attribute("error", containsString("every 1 to 52 weeks")));
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/plan").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("timing.PHQ-9", "BEFORE_SESSION")
			.param("timing.GAD-7", "EVERY_N_WEEKS")
			.param("weeks.GAD-7", "3")).andExpect(redirectedUrl("/app/clients/" + practice.clientOfA() + "/plan"));
		assertThat(administrations.periodsOf(practice.practice().id(), practice.clientOfA())).containsEntry("GAD-7", 3);
		jdbc.sql("update administration set due_at = now() - interval '4 weeks' where client_id = :c and instrument_code = 'GAD-7'")
			.param("c", practice.clientOfA().value())
			.update();

		assertThat(administrations.makePeriodicMeasuresDue()).isGreaterThanOrEqualTo(1);
		assertThat(administrations.makePeriodicMeasuresDue()).isZero();
		assertThat(due()).filteredOn(a -> a.instrumentCode().equals("GAD-7") && a.appointmentId() == null).hasSize(1);
	}

	@Test
	void withdrawingConsentToMeasurementStopsAllAskingAtOnce() throws Exception {
		var consents = context.getBean(care.rapport.consent.Consents.class);
		var client = practice.user(practice.clientAEmail());
		var document = consents.current(practice.practice().id(), care.rapport.consent.ConsentKind.MEASUREMENT);
		consents.sign(client, document.id(), client.displayName());
		assertThat(due()).isNotEmpty();

		mvc.perform(post("/me/consent/MEASUREMENT/withdraw").with(csrf()).with(asClient()))
			.andExpect(status().is3xxRedirection());

		assertThat(due()).isEmpty();
		context.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofHours(5)), Duration.ofMinutes(50));
		assertThat(jdbc.sql("select count(*) from administration where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private UUID dueIdAfterAttendance() {
		return due().stream().filter(a -> a.instrumentCode().equals("CHECK-IN")).findFirst().orElseThrow().id().value();
	}

	private MockHttpServletRequestBuilder answers(UUID administration, int... values) {
		var request = post("/me/measures/" + administration).with(csrf()).with(asClient());
		for (int i = 0; i < values.length; i++) {
			request.param("item.q" + (i + 1), Integer.toString(values[i]));
		}
		return request;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor asClient() {
		return practice.as(practice.clientAEmail());
	}

	private List<Administration> due() {
		return administrations.due(practice.practice().id(), practice.clientOfA());
	}

	private UUID dueId(String code) {
		return due().stream().filter(a -> a.instrumentCode().equals(code)).findFirst().orElseThrow().id().value();
	}

	private String statusOf(UUID administration) {
		return jdbc.sql("select status from administration where administration_id = :a")
			.param("a", administration)
			.query(String.class)
			.single();
	}

	private List<Alert> alertsOfClientA() {
		return alerts.ofClient(practice.practice().id(), practice.clientOfA());
	}

}
