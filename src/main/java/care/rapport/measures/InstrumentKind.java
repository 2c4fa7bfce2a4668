package care.rapport.measures;

/** What an instrument measures, which decides what its definition must carry. */
public enum InstrumentKind {

	/** Symptoms or wellbeing tracked across an episode; needs a reliable-change criterion. */
	OUTCOME,

	/** How the client experienced a session or the working relationship; reliable change is optional. */
	ALLIANCE

}
