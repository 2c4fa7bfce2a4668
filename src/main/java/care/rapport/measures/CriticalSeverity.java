package care.rapport.measures;

/** How urgently staff should respond to a critical answer. */
public enum CriticalSeverity {

	/** Possible risk to safety: respond today, following the practice's risk procedure. */
	RISK,

	/** Worth raising with the client at the next contact. */
	CONCERN

}
