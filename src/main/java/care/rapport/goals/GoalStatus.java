package care.rapport.goals;

/** Where a goal stands. A proposal becomes the client's goal only when the client accepts or rewrites it. */
public enum GoalStatus {

	PROPOSED("Suggested by the therapist"), ACTIVE("Working on it"), ACHIEVED("Achieved"), SET_ASIDE("Set aside");

	private final String label;

	GoalStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
