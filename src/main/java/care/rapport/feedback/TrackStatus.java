package care.rapport.feedback;

/**
 * Where a score stands against the expected trajectory. Declared from best to worst, so comparing
 * two statuses by their order says which is more concerning.
 */
public enum TrackStatus {

	/** Better than expected by more than the tolerance. */
	BETTER_THAN_EXPECTED("Better than expected"),

	/** Within the tolerance of the expected score. */
	ON_TRACK("On track"),

	/** Worse than expected by more than the tolerance: the client may be heading for a poor outcome. */
	OFF_TRACK("Off track");

	private final String label;

	TrackStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
