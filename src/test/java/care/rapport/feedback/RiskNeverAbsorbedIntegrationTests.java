package care.rapport.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.Episodes;
import care.rapport.measures.Administrations;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk answer is never absorbed by an earlier risk alert: each one is new evidence on the
 * episode's risk alert, opens it again if it was acknowledged, tells the therapist again (without
 * clinical content) and starts the escalation clock again.
 */
@IntegrationTest
class RiskNeverAbsorbedIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Administrations administrations;

	@Autowired
	Alerts alerts;

	@Autowired
	Episodes episodes;

	@Autowired
	Appointments appointments;

	/** What happens next to the client and their alert. */
	enum Step {
		RISK_ANSWER, CALM_ANSWER, ACKNOWLEDGE, RESOLVE, LEFT_TOO_LONG
	}

	@Test
	void aNewRiskAnswerIsNeverAbsorbed() {
		// jqwik draws the histories: any mix of risk answers, calm answers, acknowledgements,
		// resolutions and escalations, in any order
		Arbitrary<List<Step>> histories = Arbitraries.of(Step.class).list().ofMinSize(2).ofMaxSize(9);
		histories.sampleStream().limit(8).forEach(this::neverAbsorbed);
	}

	private void neverAbsorbed(List<Step> history) {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail());
		var episode = episodes.current(practice.practice().id(), practice.clientOfA()).orElseThrow().id().value();
		var done = new ArrayList<Step>();
		for (Step step : history) {
			done.add(step);
			String as = "after " + done;
			switch (step) {
				case RISK_ANSWER -> {
					long mailsBefore = mailsTo(practice.therapistAEmail());
					Instant before = Instant.now();
					UUID answer = answerPhq9(practice, episode, 2);
					var alert = unresolvedRisk(practice);
					assertThat(alert).as(as).isNotNull();
					assertThat(alert.status()).as(as).isEqualTo(AlertStatus.OPEN);
					assertThat(evidenceAdministrations(alert.id())).as(as + ": the answer is evidence").contains(answer);
					assertThat(alert.dueAt()).as(as + ": the clock starts again")
						.isAfterOrEqualTo(before.plus(Duration.ofHours(24)).minusSeconds(5));
					assertThat(alert.escalatedAt()).as(as).isNull();
					assertThat(mailsTo(practice.therapistAEmail())).as(as + ": the therapist is told again")
						.isEqualTo(mailsBefore + 1);
				}
				case CALM_ANSWER -> answerPhq9(practice, episode, 0);
				case ACKNOWLEDGE -> {
					var alert = unresolvedRisk(practice);
					if (alert != null && alert.status() == AlertStatus.OPEN) {
						alerts.acknowledge(therapist, alert.id(), AlertAction.SAFETY_PLAN_REVIEWED, "");
					}
				}
				case RESOLVE -> {
					var alert = unresolvedRisk(practice);
					if (alert != null && alert.status() == AlertStatus.ACKNOWLEDGED) {
						alerts.resolve(therapist, alert.id());
					}
				}
				case LEFT_TOO_LONG -> {
					jdbc.sql("update alert set due_at = now() - interval '1 minute' where practice_id = :p and status = 'OPEN'")
						.param("p", practice.practice().id().value())
						.update();
					alerts.escalateOverdueRisks();
				}
			}
		}
		// every risk answer of the history is evidence on some risk alert
		assertThat(jdbc.sql("""
				select count(*) from alert_evidence e join alert a on a.practice_id = e.practice_id and a.alert_id = e.alert_id
				where e.practice_id = :p and a.type = 'RISK'""")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single()).as("after " + history).isEqualTo(history.stream().filter(s -> s == Step.RISK_ANSWER).count());
	}

	@Test
	void anAcknowledgedRiskAlertOpensAgainWithTheNewAnswerAndItsSession() {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail());
		var p = practice.practice().id();
		attendASession(practice);
		var episode = episodes.current(p, practice.clientOfA()).orElseThrow().id().value();
		UUID first = answerPhq9(practice, episode, 1);
		var alert = unresolvedRisk(practice);
		assertThat(alert.sessionNumber()).isEqualTo(1);
		alerts.acknowledge(therapist, alert.id(), AlertAction.SAFETY_PLAN_REVIEWED, "Safety plan reviewed.");
		attendASession(practice);

		UUID second = answerPhq9(practice, episode, 3);

		var reopened = unresolvedRisk(practice);
		assertThat(reopened.id()).isEqualTo(alert.id());
		assertThat(reopened.status()).isEqualTo(AlertStatus.OPEN);
		assertThat(reopened.reopenedAt()).isNotNull();
		assertThat(reopened.sessionNumber()).isEqualTo(2);
		assertThat(reopened.reason()).startsWith("PHQ-9 at session 2:");
		assertThat(evidenceAdministrations(alert.id())).containsExactly(first, second);
		assertThat(alerts.evidenceOf(p, alert.id())).extracting(Alerts.RiskEvidence::sessionNumber,
				Alerts.RiskEvidence::value, Alerts.RiskEvidence::reopened)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, false),
					org.assertj.core.groups.Tuple.tuple(2, 3, true));
		String mail = jdbc.sql("select subject || ' ' || body from outbox_message where recipient = :t order by created_at desc limit 1")
			.param("t", practice.therapistAEmail())
			.query(String.class)
			.single();
		assertThat(mail).contains("Urgent").doesNotContain("PHQ").doesNotContain("Client A").doesNotContain("item");
		assertThat(alerts.forCareTeam(therapist)).filteredOn(a -> a.type() == AlertType.RISK).singleElement()
			.satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
	}

	@Test
	void aNewEpisodeGetsANewRiskAlert() {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var therapist = practice.user(practice.therapistAEmail());
		answerPhq9(practice, episodes.current(p, practice.clientOfA()).orElseThrow().id().value(), 1);
		var firstAlert = unresolvedRisk(practice);
		episodes.close(therapist, practice.clientOfA(), "COMPLETED", "");
		var next = episodes.currentOrOpen(p, practice.clientOfA(), therapist.id()).id().value();

		answerPhq9(practice, next, 1);

		var secondAlert = unresolvedRisk(practice);
		assertThat(secondAlert.id()).isNotEqualTo(firstAlert.id());
		assertThat(jdbc.sql("select count(distinct episode_id) from alert where practice_id = :p and type = 'RISK'")
			.param("p", p.value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private void attendASession(TestPractice practice) {
		var id = appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().minus(Duration.ofDays(30))
					.plus(Duration.ofDays(jdbc.sql("select count(*) from appointment where practice_id = :p")
						.param("p", practice.practice().id().value())
						.query(Long.class)
						.single())),
				Duration.ofMinutes(50));
		appointments.attend(practice.practice().id(), id);
	}

	/** Enters a PHQ-9 on paper against the latest attended session; item 9 answered {@code itemNine}. */
	private UUID answerPhq9(TestPractice practice, UUID episode, int itemNine) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		for (int i = 1; i <= 8; i++) {
			answers.put("q" + i, 1);
		}
		answers.put("q9", itemNine);
		UUID appointment = jdbc.sql("""
				select appointment_id from appointment where practice_id = :p and episode_id = :e and status = 'ATTENDED'
				order by starts_at desc limit 1""")
			.param("p", practice.practice().id().value())
			.param("e", episode)
			.query(UUID.class)
			.optional()
			.orElse(null);
		return administrations.enterOnPaper(practice.practice().id(), practice.clientOfA(), episode, appointment, "PHQ-9",
				answers, practice.user(practice.therapistAEmail()).id())
			.score() == null ? null : latestAdministration(practice);
	}

	private UUID latestAdministration(TestPractice practice) {
		return jdbc.sql("select administration_id from administration where practice_id = :p order by administration_id desc limit 1")
			.param("p", practice.practice().id().value())
			.query(UUID.class)
			.single();
	}

	private Alert unresolvedRisk(TestPractice practice) {
		return alerts.ofClient(practice.practice().id(), practice.clientOfA())
			.stream()
			.filter(a -> a.type() == AlertType.RISK && a.status() != AlertStatus.RESOLVED)
			.findFirst()
			.orElse(null);
	}

	private List<UUID> evidenceAdministrations(AlertId alert) {
		return jdbc.sql("select administration_id from alert_evidence where alert_id = :a order by observed_at, recorded_at")
			.param("a", alert.value())
			.query(UUID.class)
			.list();
	}

	private long mailsTo(String email) {
		return jdbc.sql("select count(*) from outbox_message where recipient = :r")
			.param("r", email)
			.query(Long.class)
			.single();
	}

}
