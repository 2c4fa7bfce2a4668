package care.rapport.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import care.rapport.feedback.EpisodeSeries.SessionScore;
import care.rapport.feedback.TrajectoryParameters.Band;
import care.rapport.feedback.TrajectoryParameters.Curve;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class TrajectoryPropertyTests {

	@Property
	void expectedScoreStaysWithinTheInstrumentsRange(@ForAll("models") TrajectoryModel model,
			@ForAll @DoubleRange(min = 0, max = 1) double intakeShare,
			@ForAll @IntRange(min = 1, max = 500) int session) {
		Curve curve = model.curve();
		double intake = curve.min() + intakeShare * (curve.max() - curve.min());

		var trajectory = model.forIntake(intake);

		assertThat(trajectory.expectedAt(session)).isBetween(curve.min(), curve.max());
		assertThat(trajectory.through(Math.min(session, 60))).allSatisfy(point -> {
			assertThat(point.low()).isBetween(curve.min(), point.expected());
			assertThat(point.high()).isBetween(point.expected(), curve.max());
		});
	}

	@Property
	void aWorseScoreIsNeverMoreOnTrack(@ForAll("models") TrajectoryModel model,
			@ForAll @DoubleRange(min = 0, max = 1) double intakeShare, @ForAll @IntRange(min = 1, max = 60) int session,
			@ForAll @DoubleRange(min = 0, max = 1) double oneShare,
			@ForAll @DoubleRange(min = 0, max = 1) double otherShare) {
		Curve curve = model.curve();
		double intake = curve.min() + intakeShare * (curve.max() - curve.min());
		double one = curve.min() + oneShare * (curve.max() - curve.min());
		double other = curve.min() + otherShare * (curve.max() - curve.min());
		boolean oneIsWorse = curve.direction().worsening(other, one) >= 0;
		double worse = oneIsWorse ? one : other;
		double better = oneIsWorse ? other : one;

		TrackStatus worseStatus = model.classify(intake, session, worse).status();
		TrackStatus betterStatus = model.classify(intake, session, better).status();

		assertThat(worseStatus).isGreaterThanOrEqualTo(betterStatus);
	}

	@Property
	void aFittedBandNeverPutsMoreThanTheTargetShareOfItsScoresOffTrack(
			@ForAll("episodeLists") List<EpisodeSeries> episodes,
			@ForAll @DoubleRange(min = 0.05, max = 0.5) double share) {
		var fitter = new TrajectoryFitter(TrajectoryParameters.defaults(),
				Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

		TrajectoryFit fit = fitter.fit("PHQ-9", episodes, new TrajectoryFitSettings(1, 2, share));

		assertThat(fit.bands()).filteredOn(band -> band.source() == TrajectoryFit.Source.FITTED)
			.allSatisfy(band -> {
				assertThat(band.shareOutside()).isLessThanOrEqualTo(share + 1e-12);
				assertThat(band.band().tolerance()).isNotNegative();
			});
	}

	@Provide
	Arbitrary<TrajectoryModel> models() {
		Arbitrary<TrajectoryModel> defaults = Arbitraries.of(PracticeTrajectories.defaults().models());
		Arbitrary<TrajectoryModel> arbitrary = Combinators
			.combine(Arbitraries.of(ScoreDirection.values()), Arbitraries.doubles().between(-12, 12),
					Arbitraries.doubles().between(-12, 12), Arbitraries.doubles().between(0, 8),
					Arbitraries.doubles().between(0, 8))
			.as((direction, lowSlope, highSlope, lowTolerance, highTolerance) -> new TrajectoryModel(
					new Curve("X", "X", 0, 40, direction,
							List.of(new Band(0, 19, lowSlope, lowTolerance),
									new Band(20, 40, highSlope, highTolerance))),
					"arbitrary"));
		return Arbitraries.oneOf(defaults, arbitrary);
	}

	@Provide
	Arbitrary<List<EpisodeSeries>> episodeLists() {
		Arbitrary<Double> score = Arbitraries.integers().between(0, 27).map(Integer::doubleValue);
		Arbitrary<EpisodeSeries> episode = score.list().ofMinSize(2).ofMaxSize(10).map(scores -> {
			var list = new ArrayList<SessionScore>(scores.size());
			for (int i = 0; i < scores.size(); i++) {
				list.add(new SessionScore(i + 1, scores.get(i)));
			}
			return new EpisodeSeries(list);
		});
		return episode.list().ofMinSize(1).ofMaxSize(40);
	}

}
