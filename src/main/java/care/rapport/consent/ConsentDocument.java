package care.rapport.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One published version of a consent document; never changed once published.
 *
 * @param contentHash SHA-256 (hex) of the title and body, see {@link Consents#contentHash}
 * @param publishedBy the admin who published it; none for the template Rapport wrote
 */
public record ConsentDocument(ConsentDocumentId id, ConsentKind kind, int version, String title, String body,
		String contentHash, Instant publishedAt, @Nullable UUID publishedBy) {

	/** The body as paragraphs, split at blank lines. */
	public List<String> paragraphs() {
		return Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	/** Whether this is still the template Rapport wrote, not yet reviewed and republished by the practice. */
	public boolean template() {
		return publishedBy == null;
	}

}
