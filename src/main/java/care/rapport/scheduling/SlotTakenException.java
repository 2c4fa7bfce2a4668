package care.rapport.scheduling;

/** The therapist already has a session that overlaps the requested time. */
public class SlotTakenException extends RuntimeException {

	SlotTakenException() {
		super("The therapist already has a session at that time");
	}

}
