package care.rapport.notes;

import care.rapport.practice.Refusal;

/** An attempt to change a signed note; nothing was changed. */
public class NoteLockedException extends Refusal {

	public static final String MESSAGE = "This note is signed; add an addendum instead.";

	public NoteLockedException() {
		super("NOTE_SIGNED", null, MESSAGE);
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
