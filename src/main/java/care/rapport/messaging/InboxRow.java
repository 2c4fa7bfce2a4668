package care.rapport.messaging;

import java.time.Instant;

import care.rapport.clients.Client;
import org.jspecify.annotations.Nullable;

/**
 * One client's thread in a therapist's inbox: no message text, only what is needed to choose.
 *
 * @param unread messages from the client the therapist has not opened yet (0 for a supervisor's view
 * of a supervisee's client: they are the therapist's to read)
 * @param lastAt when the latest message was sent; none when the thread is empty
 */
public record InboxRow(Client client, int messages, int unread, @Nullable Instant lastAt, boolean lastFromClient,
		boolean switchedOn, boolean ownClient) {
}
