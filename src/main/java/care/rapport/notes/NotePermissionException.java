package care.rapport.notes;

import care.rapport.practice.Refusal;

/**
 * Someone who may read a note tried what only another person may do (a supervisor editing a
 * supervisee's note, an author co-signing their own). Pages answer 403 with the message.
 */
public class NotePermissionException extends Refusal {

	public NotePermissionException(String message) {
		super("NOT_ALLOWED", null, message);
	}

	@Override
	public Kind kind() {
		return Kind.NOT_ALLOWED;
	}

}
