package care.rapport.goals;

/** Who undertook to do something before the next session. */
public enum CommitmentOwner {

	CLIENT("Client"), THERAPIST("Therapist");

	private final String label;

	CommitmentOwner(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
