package care.rapport.feedback;

/**
 * Thresholds of the alert rules. The defaults are chosen from published figures and the spread
 * they imply, not fitted to one data set; {@code bench/cohort-src/README.md} derives each one, and
 * the alert settings page shows what they do on a simulated cohort.
 *
 * @param allianceCutoff before a client has {@code allianceBaseline} earlier check-ins, a check-in
 * averaging below this raises an alliance alert (default 7.5 of 10: check-ins cluster near 8.9 with a
 * between-client SD near 0.7, so 7.5 is two SDs below the usual level)
 * @param allianceDrop once a baseline exists, a check-in this far or further below the median of the
 * client's earlier check-ins raises an alliance alert (default 1.25: about two SDs of the
 * session-to-session spread of one client's check-ins, about 0.5; a rupture is a fall of about 2.5)
 * @param allianceBaseline earlier check-ins needed before a client is compared with their own
 * median (default 1: one earlier check-in already says more about this client than the
 * practice-wide cut-off does)
 * @param earlyWorsening a worsening from the first score of at least this share of the reliable-change threshold, while
 * the score is in the clinical range, is an early warning of deterioration (default 0.5: 3 PHQ-9
 * points, 2 GAD-7 points)
 * @param offTrackFromSession off track is judged from this session on, counted from the first score
 * (default 4: the expected improvement needs a few sessions to show)
 * @param offTrackInARow how many answered scores in a row must be off track (default 2: one noisy
 * score is not a trend)
 * @param noChangeAfterSessions from this session on, counted from the first score, a score without
 * reliable change raises a no-reliable-change alert (default 6)
 * @param missedInARow how many of the most recent due measures of an instrument must all have been
 * missed to raise a missed-measures alert (default 2)
 */
public record AlertSettings(double allianceCutoff, double allianceDrop, int allianceBaseline, double earlyWorsening,
		int offTrackFromSession, int offTrackInARow, int noChangeAfterSessions, int missedInARow) {

	public static final AlertSettings DEFAULTS = new AlertSettings(7.5, 1.25, 1, 0.5, 4, 2, 6, 2);

	/** The thresholds of earlier versions' shape, with the new rules' other defaults. */
	public AlertSettings(double allianceCutoff, double allianceDrop, int noChangeAfterSessions, int missedInARow) {
		this(allianceCutoff, allianceDrop, DEFAULTS_BASELINE, DEFAULTS_EARLY, DEFAULTS_OFF_TRACK_FROM,
				DEFAULTS_IN_A_ROW, noChangeAfterSessions, missedInARow);
	}

	private static final int DEFAULTS_BASELINE = 1;

	private static final double DEFAULTS_EARLY = 0.5;

	private static final int DEFAULTS_OFF_TRACK_FROM = 4;

	private static final int DEFAULTS_IN_A_ROW = 2;

	public AlertSettings {
		if (!(allianceCutoff >= 0 && allianceCutoff <= CheckIn.MAX)) {
			throw new IllegalArgumentException("The alliance cut-off lies between 0 and 10");
		}
		if (!(allianceDrop > 0)) {
			throw new IllegalArgumentException("The alliance drop must be positive");
		}
		if (allianceBaseline < 1) {
			throw new IllegalArgumentException("An alliance baseline needs at least one earlier check-in");
		}
		if (!(earlyWorsening > 0 && earlyWorsening <= 1)) {
			throw new IllegalArgumentException("The early-worsening share lies above 0 and at most 1");
		}
		if (offTrackFromSession < 2 || offTrackInARow < 1) {
			throw new IllegalArgumentException("Off track needs a session after the first and at least one score");
		}
		if (noChangeAfterSessions < 2) {
			throw new IllegalArgumentException("No reliable change needs at least two sessions to compare");
		}
		if (missedInARow < 1) {
			throw new IllegalArgumentException("missedInARow must be at least 1");
		}
	}

}
