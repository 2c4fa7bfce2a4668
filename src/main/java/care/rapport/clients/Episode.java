package care.rapport.clients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An episode of care, from first contact to discharge. */
public record Episode(EpisodeId id, ClientId clientId, UUID therapistId, Instant openedAt, @Nullable Instant closedAt,
		@Nullable String closeReason) {

	public boolean open() {
		return closedAt == null;
	}

}
