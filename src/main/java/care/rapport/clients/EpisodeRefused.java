package care.rapport.clients;

import care.rapport.practice.Refusal;

/** An episode of care could not be closed as asked; nothing changed. */
public class EpisodeRefused extends Refusal {

	private final Kind kind;

	private EpisodeRefused(String code, String field, String message, Kind kind) {
		super(code, field, message);
		this.kind = kind;
	}

	static EpisodeRefused reasonMissing() {
		return new EpisodeRefused("EPISODE_REASON_MISSING", "reason", "Choose why the episode ends.", Kind.INPUT);
	}

	static EpisodeRefused summaryTooLong(int length) {
		return new EpisodeRefused("EPISODE_SUMMARY_TOO_LONG", "summary", "Keep the closing summary to 4,000 characters; this is "
				+ length + ".", Kind.INPUT);
	}

	static EpisodeRefused noneOpen() {
		return new EpisodeRefused("NO_OPEN_EPISODE", null, "The client has no open episode; it was closed meanwhile.",
				Kind.CONFLICT);
	}

	@Override
	public Kind kind() {
		return kind;
	}

}
