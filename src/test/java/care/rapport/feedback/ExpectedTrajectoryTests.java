package care.rapport.feedback;

import java.util.List;

import care.rapport.feedback.TrajectoryParameters.Band;
import care.rapport.feedback.TrajectoryParameters.Curve;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ExpectedTrajectoryTests {

	private final PracticeTrajectories defaults = PracticeTrajectories.defaults();

	private final TrajectoryModel phq9 = defaults.find("PHQ-9").orElseThrow();

	private final TrajectoryModel gad7 = defaults.find("GAD-7").orElseThrow();

	@Test
	void expectsTheIntakeScoreAtTheFirstSession() {
		assertThat(phq9.expected(18, 1)).isEqualTo(18);
		assertThat(gad7.expected(11, 1)).isEqualTo(11);
	}

	@Test
	void expectsAModeratelySevereClientStartingAtEighteenNearThirteenBySessionFour() {
		var trajectory = phq9.forIntake(18);

		assertThat(trajectory.band().label()).isEqualTo("15\u201319");
		// 18 − 3.75 · ln 4
		assertThat(trajectory.expectedAt(4)).isCloseTo(12.80, within(0.005));
		assertThat(trajectory.tolerance()).isEqualTo(4.5);
	}

	@Test
	void expectsLargerFallsFromMoreSevereIntakes() {
		// 22 − 4.5 · ln 10, 12 − 3 · ln 10, 6 − 1 · ln 10
		assertThat(phq9.expected(22, 10)).isCloseTo(11.64, within(0.005));
		assertThat(phq9.expected(12, 10)).isCloseTo(5.09, within(0.005));
		assertThat(phq9.expected(6, 10)).isCloseTo(3.70, within(0.005));
		// 17 − 3.5 · ln 8
		assertThat(gad7.expected(17, 8)).isCloseTo(9.72, within(0.005));
	}

	@Test
	void choosesTheBandByIntakeWithInclusiveEdges() {
		assertThat(phq9.forIntake(0).band().label()).isEqualTo("0\u20139");
		assertThat(phq9.forIntake(9).band().label()).isEqualTo("0\u20139");
		assertThat(phq9.forIntake(9.5).band().label()).isEqualTo("0\u20139");
		assertThat(phq9.forIntake(10).band().label()).isEqualTo("10\u201314");
		assertThat(phq9.forIntake(14).band().label()).isEqualTo("10\u201314");
		assertThat(phq9.forIntake(15).band().label()).isEqualTo("15\u201319");
		assertThat(phq9.forIntake(20).band().label()).isEqualTo("20\u201327");
		assertThat(phq9.forIntake(27).band().label()).isEqualTo("20\u201327");
		assertThat(gad7.forIntake(7).band().label()).isEqualTo("0\u20137");
		assertThat(gad7.forIntake(8).band().label()).isEqualTo("8\u201314");
		assertThat(gad7.forIntake(15).band().label()).isEqualTo("15\u201321");
	}

	@Test
	void clampsTheExpectedScoreToTheInstrumentsRange() {
		// 3 − 1 · ln 40 would be −0.69
		assertThat(phq9.expected(3, 40)).isZero();
		var rising = new TrajectoryModel(new Curve("X", "X", 0, 27, ScoreDirection.HIGHER_IS_WORSE,
				List.of(new Band(0, 27, 5, 2))), "test");
		assertThat(rising.expected(25, 10)).isEqualTo(27);
	}

	@Test
	void classifiesAScoreOnTheEdgeOfTheToleranceAsOnTrack() {
		var trajectory = phq9.forIntake(18);
		double expected = trajectory.expectedAt(4);

		assertThat(trajectory.classify(4, expected + 4.5).status()).isEqualTo(TrackStatus.ON_TRACK);
		assertThat(trajectory.classify(4, expected + 4.51).status()).isEqualTo(TrackStatus.OFF_TRACK);
		assertThat(trajectory.classify(4, expected - 4.5).status()).isEqualTo(TrackStatus.ON_TRACK);
		assertThat(trajectory.classify(4, expected - 4.51).status()).isEqualTo(TrackStatus.BETTER_THAN_EXPECTED);
	}

	@Test
	void reportsTheNumbersBehindAClassification() {
		Position position = phq9.classify(18, 4, 17.5);

		assertThat(position.status()).isEqualTo(TrackStatus.OFF_TRACK);
		assertThat(position.offTrack()).isTrue();
		assertThat(position.expected()).isCloseTo(12.80, within(0.005));
		assertThat(position.tolerance()).isEqualTo(4.5);
		assertThat(position.offTrackBeyond()).isCloseTo(17.30, within(0.005));
		assertThat(position.betterBeyond()).isCloseTo(8.30, within(0.005));
	}

	@Test
	void treatsLowerAsWorseOnAHigherIsBetterInstrument() {
		var wellbeing = new TrajectoryModel(new Curve("WB", "Wellbeing", 0, 100, ScoreDirection.HIGHER_IS_BETTER,
				List.of(new Band(0, 100, 10, 8))), "test");
		double expected = wellbeing.expected(40, 5);

		assertThat(expected).isCloseTo(40 + 10 * Math.log(5), within(1e-9));
		assertThat(wellbeing.classify(40, 5, expected - 9).status()).isEqualTo(TrackStatus.OFF_TRACK);
		assertThat(wellbeing.classify(40, 5, expected + 9).status()).isEqualTo(TrackStatus.BETTER_THAN_EXPECTED);
	}

	@Test
	void drawsTheExpectedCurveWithItsBandWithinRange() {
		var points = phq9.forIntake(24).through(6);

		assertThat(points).hasSize(6);
		assertThat(points.get(0).expected()).isEqualTo(24);
		assertThat(points.get(0).high()).isEqualTo(27);
		assertThat(points.get(0).low()).isEqualTo(19);
		assertThat(points.get(5).expected()).isCloseTo(24 - 4.5 * Math.log(6), within(1e-9));
	}

	@Test
	void saysWhereTheDefaultParametersComeFrom() {
		assertThat(phq9.provenance()).startsWith("Rapport default model: expected = intake + b·ln(session)")
			.contains("not fitted to your practice's data")
			.contains("Off track = worse than expected + tolerance");
	}

	@Test
	void refusesSessionsBeforeIntakeAndScoresOutsideTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> phq9.expected(10, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> phq9.forIntake(28));
		assertThatIllegalArgumentException().isThrownBy(() -> phq9.classify(10, 2, -1));
	}

	@Test
	void refusesOverlappingBands() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Curve("X", "X", 0, 27, ScoreDirection.HIGHER_IS_WORSE,
					List.of(new Band(0, 10, -1, 3), new Band(10, 27, -2, 3))))
			.withMessageContaining("10\u201327 follows 0\u201310");
	}

	@Test
	void replacesOneInstrumentsModelAndKeepsTheOthers() {
		var fitted = new TrajectoryModel(phq9.curve(), "fitted");

		var practice = defaults.with(fitted);

		assertThat(practice.find("PHQ-9")).contains(fitted);
		assertThat(practice.find("GAD-7")).contains(gad7);
		assertThat(practice.find("K10")).isEmpty();
	}

}
