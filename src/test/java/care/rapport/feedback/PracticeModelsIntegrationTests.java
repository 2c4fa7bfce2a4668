package care.rapport.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.Clients;
import care.rapport.clients.Episodes;
import care.rapport.measures.Administrations;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Once a practice has enough finished episodes, its clients are measured against its own curves. */
@IntegrationTest
@TestPropertySource(properties = { "rapport.feedback.trajectory-min-episodes=4",
		"rapport.feedback.trajectory-min-band-observations=8" })
class PracticeModelsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	PracticeModels models;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPracticeWithoutEnoughFinishedEpisodesUsesTheDefaultCurves() {
		var practice = TestPractice.create(context);
		assertThat(models.refit(practice.practice().id()).find("PHQ-9").orElseThrow().provenance())
			.startsWith(TrajectoryParameters.DEFAULT_PROVENANCE.substring(0, 20));
	}

	@Test
	void enoughFinishedEpisodesFitThePracticesOwnCurve() {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var clients = context.getBean(Clients.class);
		for (int i = 0; i < 4; i++) {
			var client = clients.insert(practice.practice().id(), "Fit client " + i, "fit" + i + "@test.example", therapist);
			practice.signConsents(client, care.rapport.consent.ConsentKind.TREATMENT,
					care.rapport.consent.ConsentKind.MEASUREMENT);
			var episode = context.getBean(Episodes.class).current(practice.practice().id(), client).orElseThrow();
			for (int session = 1; session <= 4; session++) {
				var appointment = context.getBean(Appointments.class)
					.book(practice.practice().id(), client, therapist,
							Instant.now().minus(Duration.ofDays(7L * (6 - session))).plus(Duration.ofHours(i)),
							Duration.ofMinutes(50));
				context.getBean(Appointments.class).attend(practice.practice().id(), appointment);
				context.getBean(Administrations.class)
					.enterOnPaper(practice.practice().id(), client, episode.id().value(), appointment.value(), "PHQ-9",
							answersTotalling(18 - 3 * (session - 1) + i % 2), therapist);
			}
		}
		jdbc.sql("update episode set closed_at = now(), close_reason = 'COMPLETED' where practice_id = :p")
			.param("p", practice.practice().id().value())
			.update();

		var model = models.refit(practice.practice().id()).find("PHQ-9").orElseThrow();

		assertThat(model.provenance()).contains("fitted on 4 finished episodes");
		assertThat(models.forPractice(practice.practice().id()).find("PHQ-9").orElseThrow().provenance())
			.isEqualTo(model.provenance());
	}

	private static Map<String, Integer> answersTotalling(int total) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		int left = total;
		for (int i = 1; i <= 9; i++) {
			int value = i == 9 ? 0 : Math.min(3, left);
			answers.put("q" + i, value);
			left -= value;
		}
		return answers;
	}

}
