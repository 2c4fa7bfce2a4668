package care.rapport.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import care.rapport.feedback.EpisodeSeries.SessionScore;
import care.rapport.feedback.TrajectoryFit.BandFit;
import care.rapport.feedback.TrajectoryFit.Source;
import care.rapport.feedback.TrajectoryParameters.Band;
import care.rapport.feedback.TrajectoryParameters.Curve;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TrajectoryFitterTests {

	/** Evening of 23 November in Vancouver, already the 24th in UTC: the fit is dated in the practice's zone. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"),
			ZoneId.of("America/Vancouver"));

	private final TrajectoryFitter fitter = new TrajectoryFitter(TrajectoryParameters.defaults(), CLOCK);

	private final Curve defaultPhq9 = TrajectoryParameters.defaults().curve("PHQ-9").orElseThrow();

	@Test
	void recoversAKnownSlopeAndPutsAboutFifteenPercentOfNewScoresOffTrack() {
		var random = new Random(20261123);
		double slope = -3.2;
		double noise = 3.0;

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes(random, 400, 15, 19, slope, noise),
				TrajectoryFitSettings.DEFAULTS);

		BandFit band = bandFor(fit, 17);
		assertThat(fit.practiceModel()).isTrue();
		assertThat(band.source()).isEqualTo(Source.FITTED);
		assertThat(band.band().slope()).isCloseTo(slope, within(0.25));
		// The 85th percentile of normal residuals lies 1.04 SDs above their mean.
		assertThat(band.band().tolerance()).isCloseTo(1.04 * noise, within(0.35));
		assertThat(band.shareOutside()).isBetween(0.13, 0.15);

		// Fresh clients from the same practice: about 15% of their scores read as off track.
		var model = fit.model();
		int outside = 0;
		int scores = 0;
		for (EpisodeSeries episode : episodes(random, 400, 15, 19, slope, noise)) {
			double intake = episode.scores().get(0).score();
			for (SessionScore later : episode.scores().subList(1, episode.scores().size())) {
				scores++;
				// A rare simulated score beyond the scale is what a client at the floor or ceiling would score.
				double score = model.curve().clamp(later.score());
				if (model.classify(intake, later.session(), score).offTrack()) {
					outside++;
				}
			}
		}
		assertThat((double) outside / scores).isBetween(0.13, 0.17);
	}

	@Test
	void fitsBandsWithEnoughScoresAndKeepsTheDefaultForTheOthers() {
		var random = new Random(7);
		var episodes = new ArrayList<EpisodeSeries>();
		episodes.addAll(episodes(random, 150, 10, 14, -2.0, 2.5));
		episodes.addAll(episodes(random, 150, 15, 19, -4.0, 3.0));
		// Three severe intakes with three later scores each: 9 scores, short of the 30 a band needs.
		for (int i = 0; i < 3; i++) {
			episodes.add(EpisodeSeries.ofConsecutive(23, 21, 20, 18));
		}

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes, TrajectoryFitSettings.DEFAULTS);

		assertThat(fit.episodes()).isEqualTo(303);
		assertThat(fit.fittedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(fit.bands()).extracting(BandFit::source)
			.containsExactly(Source.DEFAULT, Source.FITTED, Source.FITTED, Source.DEFAULT);
		assertThat(bandFor(fit, 12).band().slope()).isCloseTo(-2.0, within(0.25));
		assertThat(bandFor(fit, 17).band().slope()).isCloseTo(-4.0, within(0.25));
		assertThat(bandFor(fit, 23).band()).isEqualTo(defaultPhq9.band(23));
		assertThat(bandFor(fit, 23).episodes()).isEqualTo(3);
		assertThat(bandFor(fit, 23).observations()).isEqualTo(9);
		assertThat(fit.model().curve().band(23)).isEqualTo(defaultPhq9.band(23));
		assertThat(fit.model().provenance())
			.startsWith("PHQ-9 practice model: expected = intake + b·ln(session) per intake band, fitted on 303 "
					+ "finished episodes of this practice, 2026-11-23.")
			.contains("about 15% of the practice's scores fall outside")
			.contains("Band 0\u20139: Rapport default (no episodes started in this band).")
			.endsWith("Band 20\u201327: Rapport default (only 3 episodes, 9 scores after intake; fitting needs 30).");
	}

	@Test
	void keepsTheDefaultModelUntilThePracticeHasEnoughFinishedEpisodes() {
		var episodes = episodes(new Random(1), 99, 15, 19, -6.0, 2.0);

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes, TrajectoryFitSettings.DEFAULTS);

		assertThat(fit.practiceModel()).isFalse();
		assertThat(fit.model().curve()).isEqualTo(defaultPhq9);
		assertThat(fit.bands()).extracting(BandFit::source).containsOnly(Source.DEFAULT);
		assertThat(fit.model().provenance()).startsWith(TrajectoryParameters.DEFAULT_PROVENANCE)
			.endsWith("A practice model for PHQ-9 is fitted once 100 finished episodes have scores after intake; "
					+ "this practice has 99.");
	}

	@Test
	void countsOnlyEpisodesWithAScoreAfterIntake() {
		var episodes = new ArrayList<>(episodes(new Random(2), 99, 15, 19, -3.0, 2.0));
		for (int i = 0; i < 50; i++) {
			episodes.add(EpisodeSeries.ofConsecutive(16));
		}

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes, TrajectoryFitSettings.DEFAULTS);

		assertThat(fit.episodes()).isEqualTo(99);
		assertThat(fit.practiceModel()).isFalse();
	}

	@Test
	void countsSessionsFromTheFirstScoreOfAnEpisode() {
		var episodes = new ArrayList<EpisodeSeries>();
		for (int i = 0; i < 20; i++) {
			// Intake at session 3; a perfect fit of b = −3 once sessions are counted from it.
			episodes.add(new EpisodeSeries(List.of(new SessionScore(3, 12), new SessionScore(4, 12 - 3 * Math.log(2)),
					new SessionScore(6, 12 - 3 * Math.log(4)))));
		}

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes, new TrajectoryFitSettings(20, 30, 0.15));

		assertThat(bandFor(fit, 12).band().slope()).isCloseTo(-3.0, within(1e-9));
		assertThat(bandFor(fit, 12).band().tolerance()).isCloseTo(0, within(1e-9));
	}

	@Test
	void setsTheToleranceFromTheWorseSideOnAHigherIsBetterInstrument() {
		var wellbeing = new TrajectoryParameters("test", List.of(new Curve("WB", "Wellbeing", -100, 200,
				ScoreDirection.HIGHER_IS_BETTER, List.of(new Band(-100, 200, 0, 10)))));
		var episodes = new ArrayList<EpisodeSeries>();
		for (int i = 0; i < 100; i++) {
			// Residuals around the mean change run from −49.5 to 49.5 in steps of 1.
			episodes.add(EpisodeSeries.ofConsecutive(50, 50 + 5 + (i - 49.5)));
		}

		TrajectoryFit fit = new TrajectoryFitter(wellbeing, CLOCK).fit("WB", episodes,
				new TrajectoryFitSettings(100, 30, 0.15));

		BandFit band = fit.bands().get(0);
		assertThat(band.band().slope()).isCloseTo(5 / Math.log(2), within(1e-9));
		// Worse means lower: the 85th of the 100 shortfalls, in ascending order, is 34.5.
		assertThat(band.band().tolerance()).isCloseTo(34.5, within(1e-9));
		assertThat(band.shareOutside()).isEqualTo(0.15);
	}

	@Test
	void refusesAnInstrumentWithoutADefaultCurve() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fitter.fit("K10", List.of(), TrajectoryFitSettings.DEFAULTS))
			.withMessageContaining("No default trajectory for K10");
	}

	private static BandFit bandFor(TrajectoryFit fit, double intake) {
		return fit.bands().stream().filter(band -> band.band().contains(intake)).findFirst().orElseThrow();
	}

	/**
	 * Episodes of 4 to 12 sessions with intakes spread evenly over a band, following
	 * {@code intake + slope·ln(n)} with normal noise of the given SD after intake.
	 */
	static List<EpisodeSeries> episodes(Random random, int count, double fromIntake, double toIntake, double slope,
			double noise) {
		var episodes = new ArrayList<EpisodeSeries>(count);
		for (int e = 0; e < count; e++) {
			double intake = fromIntake + random.nextDouble() * (toIntake - fromIntake);
			int sessions = 4 + random.nextInt(9);
			var scores = new ArrayList<SessionScore>(sessions);
			scores.add(new SessionScore(1, intake));
			for (int n = 2; n <= sessions; n++) {
				scores.add(new SessionScore(n, intake + slope * Math.log(n) + noise * random.nextGaussian()));
			}
			episodes.add(new EpisodeSeries(scores));
		}
		return episodes;
	}

}
