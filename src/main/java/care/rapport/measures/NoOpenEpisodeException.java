package care.rapport.measures;

import care.rapport.practice.Refusal;

/** Answers belong to an episode of care; a client whose episodes are all closed has none to take them. */
public class NoOpenEpisodeException extends Refusal {

	public NoOpenEpisodeException() {
		super("NO_OPEN_EPISODE", null,
				"The client has no open episode of care, so there is nothing to record these answers in. "
						+ "Booking a new session with them opens a new one.");
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
