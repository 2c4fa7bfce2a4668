package care.rapport.consent;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A client's signature of one version of a consent document, as recorded.
 *
 * @param contentHash the hash of the exact text signed
 */
public record ConsentSignature(UUID id, ConsentDocumentId documentId, ConsentKind kind, int version,
		String typedName, Instant signedAt, @Nullable String remoteAddr, String contentHash,
		@Nullable Instant withdrawnAt, @Nullable String withdrawnReason) {

	public boolean withdrawn() {
		return withdrawnAt != null;
	}

}
