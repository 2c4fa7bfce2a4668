package care.rapport.consent;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a client stands with one kind of consent. Only {@link #SIGNED} counts as consent: a
 * signature of an older version asks again, and a withdrawal takes effect at once.
 */
public enum ConsentStatus {

	SIGNED("Signed"), OUTDATED("New version to sign"), WITHDRAWN("Withdrawn"), NOT_SIGNED("Not signed yet");

	private final String label;

	ConsentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The signature that decides the status: the most recent one of the kind. */
	public static Optional<ConsentSignature> latest(List<ConsentSignature> signaturesOfKind) {
		return signaturesOfKind.stream()
			.max(Comparator.comparing(ConsentSignature::signedAt).thenComparingInt(ConsentSignature::version));
	}

	/**
	 * The status for one kind, given the version the practice asks for now and every signature the
	 * client gave of that kind. The most recent signature decides: withdrawn, of the current version,
	 * or of an older one.
	 */
	public static ConsentStatus of(int currentVersion, List<ConsentSignature> signaturesOfKind) {
		return latest(signaturesOfKind).map(latest -> {
			if (latest.withdrawn()) {
				return WITHDRAWN;
			}
			return latest.version() == currentVersion ? SIGNED : OUTDATED;
		}).orElse(NOT_SIGNED);
	}

}
