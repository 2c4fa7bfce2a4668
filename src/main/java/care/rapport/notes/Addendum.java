package care.rapport.notes;

import java.time.Instant;
import java.util.UUID;

import care.rapport.identity.UserId;

/**
 * Words added to a signed note, dated and authored, hashed when saved and never changed.
 *
 * @param contentHash the SHA-256 recorded when it was saved, see {@link ContentHash#ofAddendum}
 */
public record Addendum(UUID id, UserId authorId, String authorName, Instant writtenAt, String text,
		String contentHash) {

	/** Whether the text still matches the hash recorded when it was saved (recomputed on each call). */
	public boolean intact(String noteHash) {
		return contentHash.equals(ContentHash.ofAddendum(noteHash, authorId, writtenAt, text));
	}

}
