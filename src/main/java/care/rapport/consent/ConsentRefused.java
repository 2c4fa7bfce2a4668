package care.rapport.consent;

import care.rapport.practice.Refusal;

import java.io.Serial;

/** A consent request that was refused, with a message to show the person and a stable code. */
public class ConsentRefused extends Refusal {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Why, as a stable code. */
	public enum Reason {

		/** No such document, client or record for this person: answer as if it does not exist. */
		NAME_MISSING, NAME_MISMATCH, NOT_CURRENT, NOT_WITHDRAWABLE, TITLE_INVALID, BODY_INVALID,
		UNCHANGED

	}

	private final Reason reason;

	public ConsentRefused(Reason reason, String message) {
		super(reason.name(), null, message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
