package care.rapport.feedback;

/** What the therapist did about an alert. */
public enum AlertAction {

	DISCUSSED_IN_SESSION("Discussed in session"), SAFETY_PLAN_REVIEWED("Safety plan reviewed"),
	CONSULTED_SUPERVISOR("Consulted supervisor"), REFERRED("Referred"), OTHER("Other (see note)");

	private final String label;

	AlertAction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
