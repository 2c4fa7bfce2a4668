package care.rapport.scheduling;

import care.rapport.practice.Refusal;

/**
 * A change of attendance that is not possible now; nothing was changed. {@link #code()} is stable,
 * for callers and tests; the message says what to do instead.
 */
public class AttendanceRefused extends Refusal {

	/** Why a transition was refused. */
	public enum Code {

		/** Attended or no-show recorded before the session has started. */
		NOT_STARTED,
		/** Cancelling without saying why. */
		REASON_REQUIRED,
		/** A reason longer than {@link Appointment#MAX_REASON}. */
		REASON_TOO_LONG,
		/** The session is attended, which is final. */
		ALREADY_ATTENDED,
		/** The session is cancelled, late-cancelled or a no-show, not scheduled. */
		NOT_SCHEDULED,
		/** Reinstating a session that is not cancelled or missed. */
		NOT_CANCELLED,
		/** Reinstating more than {@link Appointment#REINSTATE_WINDOW} after the session. */
		REINSTATE_WINDOW_CLOSED,
		/** Someone else changed the session meanwhile. */
		CHANGED_MEANWHILE

	}

	private final Code reason;

	public AttendanceRefused(Code code, String message) {
		super(code.name(), code == Code.REASON_REQUIRED || code == Code.REASON_TOO_LONG ? "reason" : null, message);
		this.reason = code;
	}

	public Code reason() {
		return reason;
	}

	@Override
	public Kind kind() {
		return reason == Code.REASON_REQUIRED || reason == Code.REASON_TOO_LONG ? Kind.INPUT : Kind.CONFLICT;
	}

}
