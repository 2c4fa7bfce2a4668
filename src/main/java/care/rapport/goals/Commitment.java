package care.rapport.goals;

import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import org.jspecify.annotations.Nullable;

/**
 * Something one side undertakes before the next session ("try the breathing exercise three
 * times"; "send the sleep handout"). {@code madeAtSession} is the last attended session when it was
 * made (0 before the first); it is due by the session after.
 */
public record Commitment(CommitmentId id, ClientId clientId, EpisodeId episodeId, CommitmentOwner owner, String text,
		UUID madeBy, Instant madeAt, int madeAtSession, int dueBySession, @Nullable CommitmentOutcome outcome,
		@Nullable Instant checkedAt, @Nullable UUID checkedBy) {

	public boolean checked() {
		return outcome != null;
	}

}
