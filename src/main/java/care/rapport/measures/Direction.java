package care.rapport.measures;

import java.math.BigDecimal;

/** Which way a total moves when things get better. */
public enum Direction {

	/** Symptom scales such as PHQ-9: a falling total is an improvement. */
	HIGHER_IS_WORSE,

	/** Wellbeing or alliance scales: a rising total is an improvement. */
	HIGHER_IS_BETTER;

	/**
	 * Whether a total lies in the clinical range: at or above the cut-off when higher is worse, below
	 * it when higher is better.
	 */
	public boolean isClinical(BigDecimal total, BigDecimal cutOff) {
		return this == HIGHER_IS_WORSE ? total.compareTo(cutOff) >= 0 : total.compareTo(cutOff) < 0;
	}

	/** A change re-signed so that a positive number always means "better". */
	public BigDecimal improvement(BigDecimal change) {
		return this == HIGHER_IS_WORSE ? change.negate() : change;
	}

	public Direction opposite() {
		return this == HIGHER_IS_WORSE ? HIGHER_IS_BETTER : HIGHER_IS_WORSE;
	}

	String inWords() {
		return this == HIGHER_IS_WORSE ? "lower scores are better" : "higher scores are better";
	}

}
