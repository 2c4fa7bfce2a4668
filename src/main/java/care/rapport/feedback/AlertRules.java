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

	/** The instrument judged first when it is elevated at intake. */
	private static final String DEPRESSION = "PHQ-9";

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
	 * within a type in the order of the history's instruments. Risk and missed measures are judged
	 * on every instrument; the change rules (deterioration, off track, no reliable change) on the
	 * client's primary instrument only, see {@link #primary(List)}.
	 */
	public List<AlertCandidate> evaluate(ClientHistory history) {
		var candidates = new ArrayList<AlertCandidate>();
		@Nullable OutcomeSeries primary = primary(history.outcomes());
		for (OutcomeSeries series : history.outcomes()) {
			risk(series).ifPresent(candidates::add);
			if (series == primary) {
				deterioration(series).ifPresent(candidates::add);
				offTrack(series).ifPresent(candidates::add);
				noReliableChange(series).ifPresent(candidates::add);
			}
			missed(series).ifPresent(candidates::add);
		}
		alliance(history.checkIns()).ifPresent(candidates::add);
		candidates.sort(Comparator.comparing(AlertCandidate::type));
		return List.copyOf(candidates);
	}

	/**
	 * The instrument a client's change is judged on: the first of the history's instruments (PHQ-9
	 * before any other) whose first score was in the clinical range, else the first one answered at all.
	 * So GAD-7 counts where PHQ-9 is not elevated (anxiety is the presenting problem), and two
	 * correlated instruments do not double the false alarms.
	 * @return the primary series, or none when nothing was answered
	 */
	public static @Nullable OutcomeSeries primary(List<OutcomeSeries> outcomes) {
		@Nullable OutcomeSeries answered = null;
		// PHQ-9 first whatever order the practice's instruments come in; the others in their order
		var preferred = new ArrayList<OutcomeSeries>(outcomes);
		preferred.sort(Comparator.comparing(series -> !DEPRESSION.equals(series.instrumentCode())));
		for (OutcomeSeries series : preferred) {
			Observation first = series.first().orElse(null);
			if (first == null) {
				continue;
			}
			if (first.inClinicalRange()) {
				return series;
			}
			if (answered == null) {
				answered = series;
			}
		}
		return answered;
	}

	/** RISK: the newest answered administration has a critical finding, such as PHQ-9 item 9 above 0. */
	public Optional<AlertCandidate> risk(OutcomeSeries series) {
		return series.newest()
			.filter(newest -> !newest.criticalFindings().isEmpty())
			.map(newest -> candidate(AlertType.RISK, series.instrumentCode(), newest, series.label() + " at session "
					+ newest.sessionNumber() + ": " + String.join("; ", newest.criticalFindings()) + "."));
	}

	/**
	 * DETERIORATION, measured against the client's own first score (where OFF_TRACK measures against
	 * the expected course): either reliable, the newest score worse than the first by the
	 * reliable-change threshold or more; or early, worse by {@link AlertSettings#earlyWorsening()} of
	 * that threshold while still in the clinical range. Early deterioration is the strongest sign of
	 * a poor outcome and shows long before off track can (which waits for the expected improvement);
	 * the two kinds have keys of their own, so an early warning never hides a later reliable change.
	 */
	public Optional<AlertCandidate> deterioration(OutcomeSeries series) {
		Observation first = series.first().orElse(null);
		Observation newest = series.newest().orElse(null);
		if (first == null || newest == null || first == newest) {
			return Optional.empty();
		}
		ScoreDirection direction = series.direction();
		double worsening = direction.worsening(first.score(), newest.score());
		boolean reliable = worsening >= series.reliableChange() - Scores.SLACK;
		double early = series.reliableChange() * settings.earlyWorsening();
		if (!reliable && !(worsening >= early - Scores.SLACK && newest.inClinicalRange())) {
			return Optional.empty();
		}
		boolean rising = direction == ScoreDirection.HIGHER_IS_WORSE;
		String change = series.label() + (rising ? " rose" : " fell") + " from " + Scores.format(first.score())
				+ " to " + Scores.format(newest.score()) + " (" + Scores.signed(newest.score() - first.score())
				+ ") since " + sessionOf(first) + "; ";
		String reason = reliable
				? change + "a " + (rising ? "rise" : "fall") + " of " + Scores.format(series.reliableChange())
						+ " or more is a reliable change."
				: change + "an early warning: a " + (rising ? "rise" : "fall") + " of " + Scores.format(early)
						+ " or more while in the clinical range (" + Scores.format(series.reliableChange())
						+ " would be a reliable change).";
		return Optional.of(new AlertCandidate(AlertType.DETERIORATION, AlertType.DETERIORATION.severity(),
				series.instrumentCode(), newest.sessionNumber(), newest.administeredAt(), reason,
				reliable ? "RELIABLE" : null));
	}

	/**
	 * OFF_TRACK: from session {@link AlertSettings#offTrackFromSession()} on, the newest
	 * {@link AlertSettings#offTrackInARow()} answered scores are all worse than the expected
	 * trajectory plus its tolerance: a persistent shortfall, not one noisy score. Quiet when the
	 * practice has no trajectory for the instrument, or when a score lies outside the model's range (a
	 * mismatch between instrument and model, which must not stop the other rules).
	 */
	public Optional<AlertCandidate> offTrack(OutcomeSeries series) {
		TrajectoryModel model = trajectories.find(series.instrumentCode()).orElse(null);
		Observation first = series.first().orElse(null);
		List<Observation> answered = series.answered();
		int run = settings.offTrackInARow();
		if (model == null || first == null || answered.size() < run + 1 || !withinRange(model, first.score())) {
			return Optional.empty();
		}
		Observation newest = answered.get(answered.size() - 1);
		if (series.sessionsFromFirst(newest) < settings.offTrackFromSession()) {
			return Optional.empty();
		}
		Position position = null;
		for (Observation observation : answered.subList(answered.size() - run, answered.size())) {
			if (observation == first || !withinRange(model, observation.score())) {
				return Optional.empty();
			}
			Position at = model.classify(first.score(), series.sessionsFromFirst(observation), observation.score());
			if (!at.offTrack()) {
				return Optional.empty();
			}
			position = at;
		}
		String start = first.sessionNumber() == 1 ? "" : " at session " + first.sessionNumber();
		String persisting = run == 1 ? "" : " (off track " + Scores.count(run) + " times in a row)";
		return Optional.of(candidate(AlertType.OFF_TRACK, series.instrumentCode(), newest,
				series.label() + " is " + Scores.format(newest.score()) + " at session " + newest.sessionNumber()
						+ "; expected " + Scores.format(position.expected()) + " \u00b1 "
						+ Scores.format(position.tolerance()) + " for a client starting at "
						+ Scores.format(first.score()) + start + persisting + "."));
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
	 * ALLIANCE: a possible rupture at the newest check-in. Once the client has
	 * {@link AlertSettings#allianceBaseline()} earlier check-ins, it is judged against the median of
	 * those (their own usual level, since most clients rate every session near the top): a fall of
	 * {@link AlertSettings#allianceDrop()} or more. Before that, against the absolute
	 * {@link AlertSettings#allianceCutoff()}. Each session's rupture has a key of its own, so an
	 * alert still open for an earlier rupture never hides a later one.
	 * @param checkIns the client's check-ins, oldest first
	 */
	public Optional<AlertCandidate> alliance(List<CheckIn> checkIns) {
		if (checkIns.isEmpty()) {
			return Optional.empty();
		}
		CheckIn newest = checkIns.get(checkIns.size() - 1);
		List<CheckIn> earlier = checkIns.subList(0, checkIns.size() - 1);
		String reason;
		if (earlier.size() >= settings.allianceBaseline()) {
			double usual = median(earlier);
			if (usual - newest.average() < settings.allianceDrop() - Scores.SLACK) {
				return Optional.empty();
			}
			reason = "Session check-in averaged " + Scores.format(newest.average()) + " of 10 at session "
					+ newest.sessionNumber() + ", " + Scores.format(usual - newest.average())
					+ " below this client's usual " + Scores.format(usual) + " (the median of " + earlier.size()
					+ " earlier check-ins); a fall of " + Scores.format(settings.allianceDrop())
					+ " or more is worth talking through.";
		}
		else {
			if (newest.average() >= settings.allianceCutoff() - Scores.SLACK) {
				return Optional.empty();
			}
			reason = "Session check-in averaged " + Scores.format(newest.average()) + " of 10 at session "
					+ newest.sessionNumber() + ", below the cut-off of " + Scores.format(settings.allianceCutoff())
					+ " that applies until this client has " + Scores.count(settings.allianceBaseline())
					+ (settings.allianceBaseline() == 1 ? " earlier check-in" : " earlier check-ins") + " to compare with.";
		}
		return Optional.of(new AlertCandidate(AlertType.ALLIANCE, AlertType.ALLIANCE.severity(), null,
				newest.sessionNumber(), newest.administeredAt(), reason, "S" + newest.sessionNumber()));
	}

	private static double median(List<CheckIn> checkIns) {
		double[] values = checkIns.stream().mapToDouble(CheckIn::average).sorted().toArray();
		int middle = values.length / 2;
		return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
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
