package care.rapport.feedback.web;

import java.util.ArrayList;
import java.util.List;

import care.rapport.feedback.Alert;
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

	ProgressCharts(Instruments instruments) {
		this.instruments = instruments;
	}

	ProgressChartData forClient(String outcomeCode, List<Administration> history, List<Alert> alerts) {
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
			events.add(new ProgressChartData.Event(sessionOf(alert, history, lastSession), alert.type().label() + " alert"));
		}
		List<Score> checkIns = completed(history, CHECK_IN).stream()
			.map(a -> new Score(a.sessionNumber(), a.total().doubleValue(), null))
			.toList();
		Double checkInCutoff = instruments.find(CHECK_IN).map(d -> d.clinicalCutOff().doubleValue()).orElse(null);
		return new ProgressChartData(outcome.code(), outcome.minTotal().doubleValue(), outcome.maxTotal().doubleValue(),
				outcome.direction() == Direction.HIGHER_IS_WORSE, outcome.clinicalCutOff().doubleValue(), scores,
				List.of(), missed, events, checkIns, checkInCutoff);
	}

	/** Where the expected band comes from, shown under the chart. */
	String provenance(String outcomeCode) {
		return "";
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
