package care.rapport.notes;

/**
 * A save made from an older version of the note than the one stored (another tab or window saved
 * meanwhile). Nothing was changed; {@code current} is the newer version, to show next to the typed text.
 */
public class NoteConflictException extends RuntimeException {

	private final transient ProgressNote current;

	public NoteConflictException(ProgressNote current) {
		super("This note was changed in another tab or window after you opened it.");
		this.current = current;
	}

	public ProgressNote current() {
		return current;
	}

}
