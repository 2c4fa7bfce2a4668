package care.rapport.feedback;

/** open → acknowledged with an action → resolved. */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED, RESOLVED

}
