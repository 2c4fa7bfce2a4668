package care.rapport.consent;

import java.util.UUID;

/** Identifies one version of a consent document within its practice. */
public record ConsentDocumentId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
