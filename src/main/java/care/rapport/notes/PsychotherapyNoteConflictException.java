package care.rapport.notes;

import care.rapport.practice.Refusal;

/** A save of a psychotherapy note from an older version than the one stored; nothing was changed. */
public class PsychotherapyNoteConflictException extends Refusal {

	private final transient PsychotherapyNote current;

	public PsychotherapyNoteConflictException(PsychotherapyNote current) {
		super("NOTE_CHANGED", null, "Your psychotherapy note was changed in another tab or window after you opened it.");
		this.current = current;
	}

	public PsychotherapyNote current() {
		return current;
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
