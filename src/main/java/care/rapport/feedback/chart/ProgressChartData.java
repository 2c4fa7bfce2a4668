package care.rapport.feedback.chart;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a progress chart shows: an outcome measure by session with its expected band and
 * clinical cut-off, and the session check-in on a panel of its own.
 *
 * @param instrument the outcome measure's name, e.g. "PHQ-9"
 * @param higherIsWorse whether a rising line means getting worse
 * @param scores the outcome scores by session
 * @param expected the expected range by session; empty when there is no model
 * @param missedSessions sessions where a due measure was not completed
 * @param events alerts and other marks, by session
 * @param checkIns the session check-in averages (0–10) by session
 */
public record ProgressChartData(String instrument, double min, double max, boolean higherIsWorse,
		@Nullable Double cutoff, List<Score> scores, List<Band> expected, List<Integer> missedSessions,
		List<Event> events, List<Score> checkIns, @Nullable Double checkInCutoff, List<Line> goals) {

	public ProgressChartData(String instrument, double min, double max, boolean higherIsWorse, @Nullable Double cutoff,
			List<Score> scores, List<Band> expected, List<Integer> missedSessions, List<Event> events,
			List<Score> checkIns, @Nullable Double checkInCutoff) {
		this(instrument, min, max, higherIsWorse, cutoff, scores, expected, missedSessions, events, checkIns,
				checkInCutoff, List.of());
	}

	/** The same chart with the client's goal ratings (0–10) drawn on the lower panel. */
	public ProgressChartData withGoals(List<Line> goals) {
		return new ProgressChartData(instrument, min, max, higherIsWorse, cutoff, scores, expected, missedSessions,
				events, checkIns, checkInCutoff, goals);
	}

	/** A named series on the 0–10 panel, such as one goal's ratings by session. */
	public record Line(String label, List<Score> points) {
	}

	/** A score at a session; {@code change} marks a reliable change from the first score. */
	public record Score(int session, double value, @Nullable Change change) {
	}

	public enum Change {

		RELIABLE_IMPROVEMENT, RELIABLE_DETERIORATION

	}

	/** Expected range at a session. */
	public record Band(int session, double low, double high) {
	}

	/** A mark on the time line, such as an alert. */
	public record Event(int session, String label) {
	}

	int lastSession() {
		int last = 1;
		for (Score s : scores) {
			last = Math.max(last, s.session());
		}
		for (Score s : checkIns) {
			last = Math.max(last, s.session());
		}
		for (int s : missedSessions) {
			last = Math.max(last, s);
		}
		for (Band b : expected) {
			last = Math.max(last, b.session());
		}
		for (Line line : goals) {
			for (Score s : line.points()) {
				last = Math.max(last, s.session());
			}
		}
		return last;
	}

}
