package care.rapport.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.ClientId;
import care.rapport.clients.Episodes;
import care.rapport.measures.Administrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

@IntegrationTest
@AutoConfigureMockMvc
class OutcomesReportIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	OutcomesReport reports;

	@Autowired
	MockMvc mvc;

	TestPractice practice;

	@BeforeEach
	void twoEpisodes() {
		practice = TestPractice.create(context);
		// Client A recovers reliably: PHQ-9 18 → 9, GAD-7 12 → 6.
		scores(practice.clientOfA(), practice.therapistAEmail(), 18, 12);
		scores(practice.clientOfA(), practice.therapistAEmail(), 9, 6);
		// Client B, not a case at start, deteriorates: PHQ-9 9 → 16, GAD-7 5 → 5.
		scores(practice.clientOfB(), practice.therapistBEmail(), 9, 5);
		scores(practice.clientOfB(), practice.therapistBEmail(), 16, 5);
	}

	@Test
	void ratesComeWithTheirNumeratorAndN() {
		var report = reports.report(practice.practice().id(), null, Instant.now().minus(Duration.ofDays(1)),
				Instant.now().plus(Duration.ofDays(1)));

		assertThat(report.episodes()).isEqualTo(2);
		assertThat(rate(report, "Reliable improvement")).extracting(OutcomesReport.Rate::count, OutcomesReport.Rate::n)
			.containsExactly(1, 2);
		assertThat(rate(report, "Reliable recovery (cases at start)"))
			.extracting(OutcomesReport.Rate::count, OutcomesReport.Rate::n)
			.containsExactly(1, 1);
		assertThat(rate(report, "Reliable deterioration")).extracting(OutcomesReport.Rate::count, OutcomesReport.Rate::n)
			.containsExactly(1, 2);
		assertThat(rate(report, "Dropout before session 3").n()).isZero();
		assertThat(report.rates()).allSatisfy(r -> assertThat(r.definition()).isNotBlank());
	}

	@Test
	void aClientWhoStopsComingAfterTwoSessionsCountsAsDropout() {
		var appointments = context.getBean(care.rapport.scheduling.Appointments.class);
		var therapist = practice.user(practice.therapistAEmail()).id();
		for (int week = 10; week >= 9; week--) {
			var appointment = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
					Instant.now().minus(Duration.ofDays(7L * week)), Duration.ofMinutes(50));
			appointments.attend(practice.practice().id(), appointment);
		}
		var report = reports.report(practice.practice().id(), null, Instant.now().minus(Duration.ofDays(90)),
				Instant.now().plus(Duration.ofDays(1)));
		assertThat(rate(report, "Dropout before session 3")).extracting(OutcomesReport.Rate::count, OutcomesReport.Rate::n)
			.containsExactly(1, 1);
	}

	@Test
	void aPeriodWithoutScoresCountsNothing() {
		var report = reports.report(practice.practice().id(), null, Instant.now().minus(Duration.ofDays(30)),
				Instant.now().minus(Duration.ofDays(20)));
		assertThat(report.episodes()).isZero();
		assertThat(report.rates()).allSatisfy(r -> assertThat(r.percent()).isNull());
	}

	@Test
	void aTherapistSeesTheirOwnFiguresAndAdminsOnlyThePractice() throws Exception {
		var own = reports.report(practice.practice().id(), practice.user(practice.therapistAEmail()).id(),
				Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
		assertThat(own.episodes()).isEqualTo(1);

		mvc.perform(get("/app/outcomes").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Your clients")))
			.andExpect(content().string(containsString("The whole practice")));
		mvc.perform(get("/app/outcomes").with(practice.as(practice.adminEmail())))
			.andExpect(content().string(not(containsString("Your clients"))))
			.andExpect(content().string(containsString("The whole practice")))
			.andExpect(content().string(containsString("<span>2</span> episodes counted")));
	}

	private void scores(ClientId client, String therapistEmail, int phq, int gad) {
		var administrations = context.getBean(Administrations.class);
		var episode = context.getBean(Episodes.class).current(practice.practice().id(), client).orElseThrow();
		var therapist = practice.user(therapistEmail).id();
		administrations.enterOnPaper(practice.practice().id(), client, episode.id().value(), null, "PHQ-9",
				answers(9, phq, 3), therapist);
		administrations.enterOnPaper(practice.practice().id(), client, episode.id().value(), null, "GAD-7",
				answers(7, gad, 3), therapist);
	}

	/** Answers with the given total, spread over the items, item 9 of the PHQ-9 left at 0. */
	private static Map<String, Integer> answers(int items, int total, int max) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		int left = total;
		for (int i = 1; i <= items; i++) {
			int value = i == 9 ? 0 : Math.min(max, left);
			answers.put("q" + i, value);
			left -= value;
		}
		return answers;
	}

	private static OutcomesReport.Rate rate(OutcomesReport.Report report, String name) {
		return report.rates().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

}
