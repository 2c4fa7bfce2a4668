package care.rapport.measures;

import care.rapport.practice.Refusal;

/**
 * The client has not signed consent to measurement (or withdrew it): nothing may be asked of them
 * or recorded for them until they sign.
 */
public class ConsentMissingException extends Refusal {

	public ConsentMissingException() {
		super("NO_CONSENT", null, "The client has not consented to check-ins and feedback (or has withdrawn that consent).");
	}

	@Override
	public Kind kind() {
		return Kind.NOT_ALLOWED;
	}

}
