package care.rapport.measures;

/**
 * The client has not signed consent to measurement (or withdrew it): nothing may be asked of them
 * or recorded for them until they sign.
 */
public class ConsentMissingException extends RuntimeException {

	public ConsentMissingException() {
		super("The client has not consented to check-ins and feedback (or has withdrawn that consent).");
	}

}
