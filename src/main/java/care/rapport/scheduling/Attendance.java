package care.rapport.scheduling;

/** What became of an appointment. */
public enum Attendance {

	SCHEDULED("Scheduled"), ATTENDED("Attended"), LATE_CANCELLED("Late cancellation"), NO_SHOW("No-show"),
	CANCELLED("Cancelled");

	private final String label;

	Attendance(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
