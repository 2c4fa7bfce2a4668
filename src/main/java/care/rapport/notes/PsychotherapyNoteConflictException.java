package care.rapport.notes;

/** A save of a psychotherapy note from an older version than the one stored; nothing was changed. */
public class PsychotherapyNoteConflictException extends RuntimeException {

	private final transient PsychotherapyNote current;

	public PsychotherapyNoteConflictException(PsychotherapyNote current) {
		super("Your psychotherapy note was changed in another tab or window after you opened it.");
		this.current = current;
	}

	public PsychotherapyNote current() {
		return current;
	}

}
