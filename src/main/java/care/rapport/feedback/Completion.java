package care.rapport.feedback;

/** What became of a measure that was due. */
public enum Completion {

	/** The client answered it. */
	COMPLETED,

	/** It was due and not answered, with no choice expressed: worth a gentle follow-up. */
	MISSED,

	/**
	 * The client chose not to answer. Their choice is respected: a declined measure never raises an
	 * alert, never counts towards one, and is not chased.
	 */
	DECLINED

}
