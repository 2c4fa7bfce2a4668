package care.rapport.feedback;

/**
 * The kinds of alert the rules raise, declared in the order they are listed to the therapist: risk
 * always first.
 */
public enum AlertType {

	RISK(AlertSeverity.HIGH, "Risk",
			"An answer that may signal risk of harm, such as any endorsement of PHQ-9 item 9, in the newest response."),

	DETERIORATION(AlertSeverity.HIGH, "Reliable deterioration",
			"The score has worsened since the first session: by half the reliable change while in the clinical range "
					+ "(an early warning), or by the reliable change or more."),

	OFF_TRACK(AlertSeverity.MEDIUM, "Off track",
			"From session 4, two scores in a row worse than expected for clients who started at a similar level, by "
					+ "more than the tolerance."),

	ALLIANCE(AlertSeverity.MEDIUM, "Alliance",
			"The session check-in fell well below this client's usual level (or, at the first check-in, below the "
					+ "cut-off): a possible rupture worth talking through."),

	NO_RELIABLE_CHANGE(AlertSeverity.LOW, "No reliable change",
			"After several sessions the score is still in the clinical range and has not changed by more than "
					+ "measurement error."),

	MISSED(AlertSeverity.LOW, "Missed measures",
			"The last measures that were due were not completed. Measures the client declined are never counted.");

	private final AlertSeverity severity;

	private final String label;

	private final String explanation;

	AlertType(AlertSeverity severity, String label, String explanation) {
		this.severity = severity;
		this.label = label;
		this.explanation = explanation;
	}

	public AlertSeverity severity() {
		return severity;
	}

	/** The clinical name shown on staff pages. */
	public String label() {
		return label;
	}

	/** The one-line explanation shown on hover or in a footnote next to the name. */
	public String explanation() {
		return explanation;
	}

}
