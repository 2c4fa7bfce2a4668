package care.rapport.identity;

/** What a member may do in a practice. */
public enum Role {

	CLIENT("Client"), THERAPIST("Therapist"), SUPERVISOR("Supervisor"), PRACTICE_ADMIN("Practice admin");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean staff() {
		return this != CLIENT;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
