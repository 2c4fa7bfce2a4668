package care.rapport.goals;

/** What became of a commitment, checked at the next session. Partly counts half in follow-through. */
public enum CommitmentOutcome {

	DONE("Done", 1.0), PARTLY("Partly", 0.5), NOT_DONE("Not done", 0.0);

	private final String label;

	private final double credit;

	CommitmentOutcome(String label, double credit) {
		this.label = label;
		this.credit = credit;
	}

	public String label() {
		return label;
	}

	public double credit() {
		return credit;
	}

}
