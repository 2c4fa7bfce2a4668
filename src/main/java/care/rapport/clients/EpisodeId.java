package care.rapport.clients;

import java.util.UUID;

/** Identifies an episode of care. */
public record EpisodeId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
