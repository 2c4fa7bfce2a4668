package care.rapport.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a consent document is about. A client may withdraw the optional ones at any time, with
 * immediate effect; withdrawing consent to treatment means ending care, which is a conversation
 * with the therapist rather than a button, and the privacy notice informs rather than asks.
 */
public enum ConsentKind {

	TREATMENT("Counselling", false), PRIVACY("Privacy notice", false),
	MEASUREMENT("Check-ins and feedback", true), MESSAGING("Secure messages", true),
	TELEHEALTH("Video and phone sessions", true);

	private final String label;

	private final boolean withdrawable;

	ConsentKind(String label, boolean withdrawable) {
		this.label = label;
		this.withdrawable = withdrawable;
	}

	public String label() {
		return label;
	}

	/** Whether the client may withdraw this consent themselves in the portal. */
	public boolean withdrawable() {
		return withdrawable;
	}

	/** The kind named in a URL or form, if it is one. */
	public static Optional<ConsentKind> parse(String name) {
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(name.strip())).findFirst();
	}

}
