package care.rapport.messaging;

import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * One message of a client's thread, decrypted for a person allowed to read it.
 *
 * @param fromClient whether the client wrote it (otherwise their therapist did)
 * @param readAt when the other side first opened the thread after it arrived; none while unread
 */
public record Message(MessageId id, ClientId clientId, boolean fromClient, UUID senderId, String senderName,
		String text, Instant sentAt, @Nullable Instant readAt, @Nullable AttachmentInfo attachment) {

	public boolean read() {
		return readAt != null;
	}

}
