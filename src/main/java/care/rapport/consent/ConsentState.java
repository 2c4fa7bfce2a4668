package care.rapport.consent;

import org.jspecify.annotations.Nullable;

/**
 * Where a client stands with one kind of consent, with the version the practice asks for now.
 *
 * @param latest the client's most recent signature of this kind, if any
 */
public record ConsentState(ConsentKind kind, ConsentDocument current, ConsentStatus status,
		@Nullable ConsentSignature latest) {

	/** Whether a signature stands (not withdrawn), of this version or an older one: something to withdraw. */
	public boolean standing() {
		return latest != null && !latest.withdrawn();
	}

}
