package care.rapport.notes;

import care.rapport.practice.Refusal;

/**
 * A save made from an older version of the note than the one stored (another tab or window saved
 * meanwhile). Nothing was changed; {@code current} is the newer version, to show next to the typed text.
 */
public class NoteConflictException extends Refusal {

	private final transient ProgressNote current;

	public NoteConflictException(ProgressNote current) {
		super("NOTE_CHANGED", null, "This note was changed in another tab or window after you opened it.");
		this.current = current;
	}

	public ProgressNote current() {
		return current;
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
