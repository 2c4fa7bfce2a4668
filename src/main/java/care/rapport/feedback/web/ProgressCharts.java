package care.rapport.feedback.web;

import java.util.ArrayList;
import java.util.List;

import care.rapport.feedback.Alert;
import care.rapport.feedback.PracticeModels;
import care.rapport.feedback.PracticeTrajectories;
import care.rapport.practice.PracticeId;
import care.rapport.feedback.TrajectoryModel;
import care.rapport.feedback.chart.ProgressChartData.Band;
import care.rapport.feedback.chart.ProgressChartData;
import care.rapport.feedback.chart.ProgressChartData.Change;
import care.rapport.feedback.chart.ProgressChartData.Score;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.ChangeAssessment;
import care.rapport.measures.Direction;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import org.springframework.stereotype.Component;

/** Builds the data of a progress chart from a client's measurement history. */
@Component
class ProgressCharts {

	static final String CHECK_IN = "CHECK-IN";

	private final Instruments instruments;

	private final PracticeModels models;

	private final care.rapport.goals.Goals goals;

	private final care.rapport.clients.Episodes episodes;

	ProgressCharts(Instruments instruments, PracticeModels models, care.rapport.goals.Goals goals,
			care.rapport.clients.Episodes episodes) {
		this.episodes = episodes;
		this.instruments = instruments;
		this.models = models;
		this.goals = goals;
	}

	ProgressChartData forClient(PracticeId practice, String outcomeCode, List<Administration> history,
			List<Alert> alerts) {
		InstrumentDefinition outcome = instruments.get(outcomeCode);
		List<Administration> answered = completed(history, outcomeCode);
		List<Score> scores = new ArrayList<>();
		for (Administration a : answered) {
			Change change = null;
			if (!scores.isEmpty()) {
				var assessment = ChangeAssessment.assess(outcome, answered.get(0).total(), a.total());
				change = assessment.improved() ? Change.RELIABLE_IMPROVEMENT
						: assessment.deteriorated() ? Change.RELIABLE_DETERIORATION : null;
			}
			scores.add(new Score(a.sessionNumber(), a.total().doubleValue(), change));
		}
		List<Integer> missed = history.stream()
			.filter(a -> a.instrumentCode().equals(outcomeCode) && a.status() == AdministrationStatus.MISSED
					&& a.sessionNumber() != null)
			.map(Administration::sessionNumber)
			.toList();
		List<ProgressChartData.Event> events = new ArrayList<>();
		int lastSession = scores.isEmpty() ? 1 : scores.get(scores.size() - 1).session();
		for (Alert alert : alerts) {
			// The session the alert records; older alerts without one are placed by when they were raised.
			int session = alert.sessionNumber() != null ? alert.sessionNumber() : sessionOf(alert, history, lastSession);
			events.add(new ProgressChartData.Event(session,
					alert.type().label() + (alert.historical() ? " alert (historical)" : " alert")));
		}
		List<Score> checkIns = completed(history, CHECK_IN).stream()
			.map(a -> new Score(a.sessionNumber(), a.total().doubleValue(), null))
			.toList();
		Double checkInCutoff = instruments.find(CHECK_IN).map(d -> d.clinicalCutOff().doubleValue()).orElse(null);
		return new ProgressChartData(outcome.code(), outcome.minTotal().doubleValue(), outcome.maxTotal().doubleValue(),
				outcome.direction() == Direction.HIGHER_IS_WORSE, outcome.clinicalCutOff().doubleValue(), scores,
				expectedBand(models.forPractice(practice), outcomeCode, scores), missed, events, checkIns, checkInCutoff);
	}

	/**
	 * The expected range from the first score on. The model counts sessions from the intake score,
	 * so its session 1 is the client's first scored session.
	 */
	private static List<Band> expectedBand(PracticeTrajectories trajectories, String outcomeCode, List<Score> scores) {
		if (scores.isEmpty()) {
			return List.of();
		}
		Score intake = scores.get(0);
		int last = Math.max(scores.get(scores.size() - 1).session(), intake.session() + 3);
		return trajectories.find(outcomeCode)
			.map(model -> model.forIntake(intake.value())
				.through(last - intake.session() + 1)
				.stream()
				.map(p -> new Band(p.session() + intake.session() - 1, p.low(), p.high()))
				.toList())
			.orElse(List.of());
	}

	/** The client's active and achieved goals as lines of their ratings by session. */
	List<ProgressChartData.Line> goalLines(care.rapport.identity.RapportUser reader, care.rapport.clients.Client client) {
		// Reading the chart must not open an episode, which asking the goals would do for a closed one.
		if (episodes.current(reader.practiceId(), client.id()).isEmpty()) {
			return List.of();
		}
		return goals.of(reader, client)
			.stream()
			.filter(g -> g.status() == care.rapport.goals.GoalStatus.ACTIVE
					|| g.status() == care.rapport.goals.GoalStatus.ACHIEVED)
			.filter(g -> !g.ratings().isEmpty())
			.map(g -> new ProgressChartData.Line(g.text(), g.ratings()
				.stream()
				.map(r -> new Score(r.sessionNumber(), r.rating(), null))
				.toList()))
			.toList();
	}

	/** Where the expected band comes from, shown under the chart. */
	String provenance(PracticeId practice, String outcomeCode) {
		return models.forPractice(practice).find(outcomeCode).map(TrajectoryModel::provenance).orElse("");
	}

	private static List<Administration> completed(List<Administration> history, String code) {
		return history.stream()
			.filter(a -> a.instrumentCode().equals(code) && a.status() == AdministrationStatus.COMPLETED
					&& a.sessionNumber() != null && a.total() != null)
			.toList();
	}

	private static int sessionOf(Alert alert, List<Administration> history, int fallback) {
		return history.stream()
			.filter(a -> a.completedAt() != null && !a.completedAt().isAfter(alert.raisedAt()) && a.sessionNumber() != null)
			.map(Administration::sessionNumber)
			.reduce((first, second) -> second)
			.orElse(fallback);
	}

}
