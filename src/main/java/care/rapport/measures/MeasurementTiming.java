package care.rapport.measures;

/** When a client is asked to complete an instrument. */
public enum MeasurementTiming {

	BEFORE_SESSION("Before each session"), AFTER_SESSION("After each session"), EVERY_N_WEEKS("Every few weeks, between sessions");

	private final String label;

	MeasurementTiming(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
