package care.rapport.scheduling;

import care.rapport.practice.Refusal;

/** The therapist already has a session that overlaps the requested time. */
public class SlotTakenException extends Refusal {

	SlotTakenException() {
		super("SLOT_TAKEN", "time", "The therapist already has a session at that time");
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
