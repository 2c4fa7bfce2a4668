package care.rapport.scheduling;

/**
 * A change of attendance that is not possible now; nothing was changed. {@link #code()} is stable,
 * for callers and tests; the message says what to do instead.
 */
public class AttendanceRefused extends RuntimeException {

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

	private final Code code;

	public AttendanceRefused(Code code, String message) {
		super(message);
		this.code = code;
	}

	public Code code() {
		return code;
	}

}
