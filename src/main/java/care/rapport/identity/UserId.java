package care.rapport.identity;

import java.util.UUID;

/** Identifies a person's account. */
public record UserId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
