package care.rapport.feedback;

/**
 * Thresholds of the alert rules.
 *
 * @param allianceCutoff a check-in average below this raises an alliance alert (default 9.0 of 10:
 * check-ins cluster near the top, so even a score in the 8s is a signal worth asking about)
 * @param allianceDrop a fall of this much or more from the previous check-in raises an alliance
 * alert (default 1.0)
 * @param noChangeAfterSessions from this session on, counted from the first score, a score without
 * reliable change raises a no-reliable-change alert (default 6)
 * @param missedInARow how many of the most recent due measures of an instrument must all have been
 * missed to raise a missed-measures alert (default 2)
 */
public record AlertSettings(double allianceCutoff, double allianceDrop, int noChangeAfterSessions, int missedInARow) {

	public static final AlertSettings DEFAULTS = new AlertSettings(9.0, 1.0, 6, 2);

	public AlertSettings {
		if (!(allianceCutoff >= 0 && allianceCutoff <= CheckIn.MAX)) {
			throw new IllegalArgumentException("The alliance cut-off lies between 0 and 10");
		}
		if (!(allianceDrop > 0)) {
			throw new IllegalArgumentException("The alliance drop must be positive");
		}
		if (noChangeAfterSessions < 2) {
			throw new IllegalArgumentException("No reliable change needs at least two sessions to compare");
		}
		if (missedInARow < 1) {
			throw new IllegalArgumentException("missedInARow must be at least 1");
		}
	}

}
