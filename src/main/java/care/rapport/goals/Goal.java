package care.rapport.goals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import org.jspecify.annotations.Nullable;

/**
 * A goal in the client's words. {@code proposedText} keeps what the therapist first suggested when
 * the client rewrote it; {@code ratings} are oldest session first.
 */
public record Goal(GoalId id, ClientId clientId, EpisodeId episodeId, String text, @Nullable String proposedText,
		GoalStatus status, UUID proposedBy, boolean writtenByClient, Instant createdAt, Instant updatedAt,
		List<GoalRating> ratings) {

	public boolean active() {
		return status == GoalStatus.ACTIVE;
	}

	public boolean proposal() {
		return status == GoalStatus.PROPOSED;
	}

	/** The rating given at this session, if any. */
	public @Nullable Integer ratingAt(int session) {
		return ratings.stream().filter(r -> r.sessionNumber() == session).map(GoalRating::rating).findFirst().orElse(null);
	}

	public @Nullable GoalRating latest() {
		return ratings.isEmpty() ? null : ratings.get(ratings.size() - 1);
	}

}
