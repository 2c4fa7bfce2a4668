package care.rapport.notes;

/**
 * Someone who may read a note tried what only another person may do (a supervisor editing a
 * supervisee's note, an author co-signing their own). Pages answer 403 with the message.
 */
public class NotePermissionException extends RuntimeException {

	public NotePermissionException(String message) {
		super(message);
	}

}
