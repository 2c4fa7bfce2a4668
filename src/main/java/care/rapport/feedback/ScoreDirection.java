package care.rapport.feedback;

/** Which way a score means the client is doing worse. */
public enum ScoreDirection {

	/** Symptom measures such as PHQ-9 and GAD-7: a higher score means more symptoms. */
	HIGHER_IS_WORSE,

	/** Wellbeing and alliance measures such as the session check-in: a higher score is better. */
	HIGHER_IS_BETTER;

	/**
	 * @return how much worse {@code to} is than {@code from}: positive when worse, negative when
	 * better, zero when the same
	 */
	public double worsening(double from, double to) {
		return this == HIGHER_IS_WORSE ? to - from : from - to;
	}

	/** @return {@code score} moved by {@code amount} in the worse direction (a negative amount moves it better) */
	public double worsen(double score, double amount) {
		return this == HIGHER_IS_WORSE ? score + amount : score - amount;
	}

}
