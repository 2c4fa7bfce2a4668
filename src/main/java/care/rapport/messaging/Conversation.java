package care.rapport.messaging;

import java.util.List;

import care.rapport.clients.Client;
import org.jspecify.annotations.Nullable;

/**
 * A client's thread as one person sees it: the messages oldest first, and whether new ones can be
 * written now.
 *
 * @param consented whether the client's consent to messaging stands
 * @param switchedOn whether the therapist has messaging on for this client
 * @param offReason what the therapist told the client when switching off, if anything
 * @param replyWithinDays the therapist's usual reply time in working days, if they set one
 * @param newlyRead how many messages to the reader were marked read by this opening
 */
public record Conversation(Client client, List<Message> messages, boolean consented, boolean switchedOn,
		@Nullable String offReason, @Nullable Integer replyWithinDays, int newlyRead) {

	/** Whether the client and therapist can write to each other now. */
	public boolean open() {
		return consented && switchedOn;
	}

	/**
	 * The therapist's name as they show it, for "Sam Okafor usually replies within 2 working days":
	 * whole, because a first word alone can be a title ("Dr. usually replies").
	 */
	public String therapistName() {
		return client.therapistName().strip();
	}

}
