package care.rapport.messaging;

import care.rapport.practice.Refusal;

/**
 * A message was not sent, and nothing was stored. The reason says whether the person can fix it in
 * the form ({@link Reason#TEXT}, {@link Reason#FILE}: the page keeps what they typed and puts the
 * message next to the field) or whether messaging is not open to them now.
 */
public class MessageRefused extends Refusal {

	public enum Reason {

		/** The text is empty or too long. */
		TEXT,
		/** The file is too large, empty, or not of an allowed type. */
		FILE,
		/** The client has not consented to messaging, or withdrew. */
		NO_CONSENT,
		/** The therapist switched messaging off for this client. */
		SWITCHED_OFF,
		/** Only the client and their therapist write in a thread. */
		NOT_A_PARTY

	}

	private final Reason reason;

	public MessageRefused(Reason reason, String message) {
		super(reason.name(), reason == Reason.TEXT ? "text" : reason == Reason.FILE ? "file" : null, message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Whether the person can fix this in the form they sent. */
	public boolean fixableInForm() {
		return reason == Reason.TEXT || reason == Reason.FILE;
	}

	@Override
	public Kind kind() {
		return fixableInForm() ? Kind.INPUT : Kind.NOT_ALLOWED;
	}

}
