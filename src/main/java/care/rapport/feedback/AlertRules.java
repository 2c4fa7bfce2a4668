package care.rapport.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The alert rules, as pure functions of a client's measurement history. Each rule looks at one
 * instrument (or the check-ins) and returns at most one candidate; {@link #evaluate} runs them all
 * and lists risk first.
 * <p>
 * Sessions are counted from the first answered score of an instrument, which is its baseline: in
 * the usual case that is the intake at session 1 and the two numberings agree.
 */
public final class AlertRules {

	private final AlertSettings settings;

	private final PracticeTrajectories trajectories;

	/**
	 * @param settings thresholds
	 * @param trajectories the practice's expected trajectories, for the off-track rule
	 */
	public AlertRules(AlertSettings settings, PracticeTrajectories trajectories) {
		this.settings = settings;
		this.trajectories = trajectories;
	}

	/**
	 * @return every alert the history calls for now, in {@link AlertType} order (risk first), and
	 * within a type in the order of the history's instruments
	 */
	public List<AlertCandidate> evaluate(ClientHistory history) {
		var candidates = new ArrayList<AlertCandidate>();
		for (OutcomeSeries series : history.outcomes()) {
			risk(series).ifPresent(candidates::add);
			deterioration(series).ifPresent(candidates::add);
			offTrack(series).ifPresent(candidates::add);
			noReliableChange(series).ifPresent(candidates::add);
			missed(series).ifPresent(candidates::add);
		}
		alliance(history.checkIns()).ifPresent(candidates::add);
		candidates.sort(Comparator.comparing(AlertCandidate::type));
		return List.copyOf(candidates);
	}

	/** RISK: the newest answered administration has a critical finding, such as PHQ-9 item 9 above 0. */
	public Optional<AlertCandidate> risk(OutcomeSeries series) {
		return series.newest()
			.filter(newest -> !newest.criticalFindings().isEmpty())
			.map(newest -> candidate(AlertType.RISK, series.instrumentCode(), newest, series.label() + " at session "
					+ newest.sessionNumber() + ": " + String.join("; ", newest.criticalFindings()) + "."));
	}

	/** DETERIORATION: the newest score is worse than the first by the reliable-change threshold or more. */
	public Optional<AlertCandidate> deterioration(OutcomeSeries series) {
		Observation first = series.first().orElse(null);
		Observation newest = series.newest().orElse(null);
		if (first == null || newest == null || first == newest) {
			return Optional.empty();
		}
		ScoreDirection direction = series.direction();
		if (direction.worsening(first.score(), newest.score()) < series.reliableChange() - Scores.SLACK) {
			return Optional.empty();
		}
		boolean rising = direction == ScoreDirection.HIGHER_IS_WORSE;
		return Optional.of(candidate(AlertType.DETERIORATION, series.instrumentCode(), newest,
				series.label() + (rising ? " rose" : " fell") + " from " + Scores.format(first.score()) + " to "
						+ Scores.format(newest.score()) + " (" + Scores.signed(newest.score() - first.score())
						+ ") since " + sessionOf(first) + "; a " + (rising ? "rise" : "fall") + " of "
						+ Scores.format(series.reliableChange()) + " or more is a reliable change."));
	}

	/**
	 * OFF_TRACK: the newest score is worse than the expected trajectory plus its tolerance. Quiet when
	 * the practice has no trajectory for the instrument, or when a score lies outside the model's
	 * range (a mismatch between instrument and model, which must not stop the other rules).
	 */
	public Optional<AlertCandidate> offTrack(OutcomeSeries series) {
		TrajectoryModel model = trajectories.find(series.instrumentCode()).orElse(null);
		Observation first = series.first().orElse(null);
		Observation newest = series.newest().orElse(null);
		if (model == null || first == null || newest == null || first == newest
				|| !withinRange(model, first.score()) || !withinRange(model, newest.score())) {
			return Optional.empty();
		}
		Position position = model.classify(first.score(), series.sessionsFromFirst(newest), newest.score());
		if (!position.offTrack()) {
			return Optional.empty();
		}
		String start = first.sessionNumber() == 1 ? "" : " at session " + first.sessionNumber();
		return Optional.of(candidate(AlertType.OFF_TRACK, series.instrumentCode(), newest,
				series.label() + " is " + Scores.format(newest.score()) + " at session " + newest.sessionNumber()
						+ "; expected " + Scores.format(position.expected()) + " \u00b1 "
						+ Scores.format(position.tolerance()) + " for a client starting at "
						+ Scores.format(first.score()) + start + "."));
	}

	/**
	 * NO_RELIABLE_CHANGE: from session {@link AlertSettings#noChangeAfterSessions()} on, the newest
	 * score differs from the first by less than the reliable-change threshold either way, and is
	 * still in the clinical range. A client who is out of the clinical range has little room left to
	 * change reliably, and a reliable worsening is already a deterioration alert.
	 */
	public Optional<AlertCandidate> noReliableChange(OutcomeSeries series) {
		Observation first = series.first().orElse(null);
		Observation newest = series.newest().orElse(null);
		if (first == null || newest == null || first == newest) {
			return Optional.empty();
		}
		int sessions = series.sessionsFromFirst(newest);
		double change = newest.score() - first.score();
		if (sessions < settings.noChangeAfterSessions() || !newest.inClinicalRange()
				|| Math.abs(change) >= series.reliableChange() - Scores.SLACK) {
			return Optional.empty();
		}
		String movement = Scores.format(Math.abs(change)).equals("0") ? "the same as at " + sessionOf(first)
				: (change < 0 ? "down " : "up ") + Scores.format(Math.abs(change)) + " from "
						+ Scores.format(first.score()) + " at " + sessionOf(first);
		return Optional.of(candidate(AlertType.NO_RELIABLE_CHANGE, series.instrumentCode(), newest,
				series.label() + " is " + Scores.format(newest.score()) + " at session " + newest.sessionNumber() + ", "
						+ movement + "; still in the clinical range, with no reliable change ("
						+ Scores.format(series.reliableChange()) + " or more) after " + sessions + " sessions."));
	}

	/**
	 * MISSED: the most recent {@link AlertSettings#missedInARow()} due administrations were all
	 * missed. A declined administration is the client's choice: it never counts, and it breaks a run
	 * of missed ones, so a client who declines is never chased.
	 */
	public Optional<AlertCandidate> missed(OutcomeSeries series) {
		List<Observation> due = series.observations();
		int run = settings.missedInARow();
		if (due.size() < run) {
			return Optional.empty();
		}
		List<Observation> recent = due.subList(due.size() - run, due.size());
		if (!recent.stream().allMatch(observation -> observation.completion() == Completion.MISSED)) {
			return Optional.empty();
		}
		List<Integer> sessions = recent.stream().map(Observation::sessionNumber).toList();
		String times = run == 1 ? "the last time it was due" : "the last " + Scores.count(run) + " times it was due";
		return Optional.of(candidate(AlertType.MISSED, series.instrumentCode(), recent.get(run - 1),
				series.label() + " was missed at session" + (run == 1 ? " " : "s ") + Scores.sessions(sessions) + ", "
						+ times + "."));
	}

	/**
	 * ALLIANCE: the newest check-in averages below {@link AlertSettings#allianceCutoff()}, or fell by
	 * {@link AlertSettings#allianceDrop()} or more from the previous one.
	 * @param checkIns the client's check-ins, oldest first
	 */
	public Optional<AlertCandidate> alliance(List<CheckIn> checkIns) {
		if (checkIns.isEmpty()) {
			return Optional.empty();
		}
		CheckIn newest = checkIns.get(checkIns.size() - 1);
		@Nullable CheckIn previous = checkIns.size() >= 2 ? checkIns.get(checkIns.size() - 2) : null;
		boolean below = newest.average() < settings.allianceCutoff() - Scores.SLACK;
		boolean dropped = previous != null
				&& previous.average() - newest.average() >= settings.allianceDrop() - Scores.SLACK;
		if (!below && !dropped) {
			return Optional.empty();
		}
		String reason;
		if (below) {
			reason = "Session check-in averaged " + Scores.format(newest.average()) + " of 10 at session "
					+ newest.sessionNumber() + ", below the cut-off of " + Scores.format(settings.allianceCutoff());
			reason += dropped ? ", and fell from " + Scores.format(previous.average()) + " at session "
					+ previous.sessionNumber() + " (" + Scores.signed(newest.average() - previous.average()) + ")."
					: ".";
		}
		else {
			reason = "Session check-in fell from " + Scores.format(previous.average()) + " at session "
					+ previous.sessionNumber() + " to " + Scores.format(newest.average()) + " at session "
					+ newest.sessionNumber() + " (" + Scores.signed(newest.average() - previous.average())
					+ "); a drop of " + Scores.format(settings.allianceDrop()) + " or more is worth talking through.";
		}
		return Optional.of(new AlertCandidate(AlertType.ALLIANCE, AlertType.ALLIANCE.severity(), null,
				newest.sessionNumber(), newest.administeredAt(), reason));
	}

	private static AlertCandidate candidate(AlertType type, String instrumentCode, Observation evidence,
			String reason) {
		return new AlertCandidate(type, type.severity(), instrumentCode, evidence.sessionNumber(),
				evidence.administeredAt(), reason);
	}

	private static String sessionOf(Observation first) {
		return first.sessionNumber() == 1 ? "the first session" : "session " + first.sessionNumber();
	}

	private static boolean withinRange(TrajectoryModel model, double score) {
		return model.curve().min() <= score && score <= model.curve().max();
	}

}
