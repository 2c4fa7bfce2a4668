package care.rapport.notes;

/** An attempt to change a signed note; nothing was changed. */
public class NoteLockedException extends RuntimeException {

	public static final String MESSAGE = "This note is signed; add an addendum instead.";

	public NoteLockedException() {
		super(MESSAGE);
	}

}
