package care.rapport.practice;

import java.io.Serial;
import java.util.NoSuchElementException;

/**
 * The one answer for an object a person may not see: it does not exist, belongs to another
 * practice, or is outside their care team. Every such case answers 404 alike (the web module's
 * advice turns this into the "Not found" page or a JSON problem), so nobody learns which it was.
 * A {@link NoSuchElementException}, so code that catches that keeps working.
 */
public class RecordNotFoundException extends NoSuchElementException {

	@Serial
	private static final long serialVersionUID = 1L;

	public RecordNotFoundException() {
		super("There is nothing here, or it is not yours to see.");
	}

	/** With a note for logs and tests; never shown, as it may name what was looked for. */
	public RecordNotFoundException(String what) {
		super(what);
	}

}
