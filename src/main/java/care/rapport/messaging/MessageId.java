package care.rapport.messaging;

import java.util.UUID;

/** Identifies a message within its practice. */
public record MessageId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
