package care.rapport.feedback.web;

import java.math.BigDecimal;
import java.util.List;

import care.rapport.clients.Client;
import care.rapport.feedback.Alert;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.PracticeTrajectories;
import care.rapport.feedback.chart.ProgressChart;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.ChangeAssessment;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** One caseload row per client: main outcome line, latest check-in, sessions, status and open alerts. */
@Component
class CaseloadRows {

	static final String OUTCOME = "PHQ-9";

	private final Instruments instruments;

	CaseloadRows(Instruments instruments) {
		this.instruments = instruments;
	}

	/** Where a client stands, in the order that asks for attention. */
	enum Status {

		DETERIORATING("Deteriorating", "Reliably worse than at the first session."),
		OFF_TRACK("Off track", "Worse than expected for clients who started at a similar level."),
		ON_TRACK("On track", "Within the expected range."),
		NOT_ENOUGH_DATA("Not enough data", "Fewer than two scores so far.");

		private final String label;

		private final String explanation;

		Status(String label, String explanation) {
			this.label = label;
			this.explanation = explanation;
		}

		public String label() {
			return label;
		}

		public String explanation() {
			return explanation;
		}

	}

	/**
	 * @param need lower is more urgent: 0 open risk alert, 1 deteriorating, 2 off track, 3 other open
	 * alerts, 4 not enough data, 5 on track
	 */
	record Row(Client client, String sparkline, @Nullable BigDecimal latestOutcome, @Nullable BigDecimal latestCheckIn,
			int sessions, Status status, String statusNumbers, List<Alert> openAlerts, int need) {

		public boolean hasRisk() {
			return openAlerts.stream().anyMatch(a -> a.type() == AlertType.RISK);
		}

	}

	Row row(Client client, List<Administration> history, List<Alert> openAlerts, PracticeTrajectories trajectories) {
		InstrumentDefinition outcome = instruments.get(OUTCOME);
		List<Administration> scores = history.stream()
			.filter(a -> a.instrumentCode().equals(OUTCOME) && a.status() == AdministrationStatus.COMPLETED
					&& a.total() != null && a.sessionNumber() != null)
			.toList();
		BigDecimal latestCheckIn = history.stream()
			.filter(a -> a.instrumentCode().equals(ProgressCharts.CHECK_IN) && a.total() != null)
			.map(Administration::total)
			.reduce((first, second) -> second)
			.orElse(null);
		int sessions = history.stream()
			.filter(a -> a.sessionNumber() != null)
			.mapToInt(Administration::sessionNumber)
			.max()
			.orElse(0);
		Status status = status(outcome, scores, trajectories);
		String numbers = scores.size() < 2 ? status.explanation() : ChangeAssessment
			.assess(outcome, scores.get(0).total(), scores.get(scores.size() - 1).total())
			.explanation();
		boolean risk = openAlerts.stream().anyMatch(a -> a.type() == AlertType.RISK);
		int need = risk ? 0 : status == Status.DETERIORATING ? 1 : status == Status.OFF_TRACK ? 2
				: !openAlerts.isEmpty() ? 3 : status == Status.NOT_ENOUGH_DATA ? 4 : 5;
		String sparkline = ProgressChart.sparkline(scores.stream().map(a -> a.total().doubleValue()).toList(),
				outcome.minTotal().doubleValue(), outcome.maxTotal().doubleValue(),
				OUTCOME + " by session: " + scores.stream().map(a -> a.total().toPlainString()).toList());
		return new Row(client, sparkline, scores.isEmpty() ? null : scores.get(scores.size() - 1).total(),
				latestCheckIn, sessions, status, numbers, openAlerts, need);
	}

	private static Status status(InstrumentDefinition outcome, List<Administration> scores,
			PracticeTrajectories trajectories) {
		if (scores.size() < 2) {
			return Status.NOT_ENOUGH_DATA;
		}
		Administration first = scores.get(0);
		Administration latest = scores.get(scores.size() - 1);
		if (ChangeAssessment.assess(outcome, first.total(), latest.total()).deteriorated()) {
			return Status.DETERIORATING;
		}
		boolean offTrack = trajectories.find(OUTCOME)
			.map(model -> model.classify(first.total().doubleValue(), latest.sessionNumber() - first.sessionNumber() + 1,
					latest.total().doubleValue()).offTrack())
			.orElse(false);
		return offTrack ? Status.OFF_TRACK : Status.ON_TRACK;
	}

}
