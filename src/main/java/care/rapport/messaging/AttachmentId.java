package care.rapport.messaging;

import java.util.UUID;

/** Identifies a file sent with a message, within its practice. */
public record AttachmentId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
