package care.rapport.feedback;

/** How soon an alert needs the therapist, most urgent first. */
public enum AlertSeverity {

	/** Before the next session. */
	HIGH,

	/** At or before the next session. */
	MEDIUM,

	/** When reviewing the case. */
	LOW

}
