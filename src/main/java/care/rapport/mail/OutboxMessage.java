package care.rapport.mail;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox, sent or waiting.
 * @param causedBy the account whose action queued it (an inviter, a clinician sending a link); none for notices
 */
public record OutboxMessage(UUID id, String recipient, String subject, String body, Instant createdAt,
		@Nullable Instant sentAt, int attempts, @Nullable String lastError, @Nullable UUID causedBy) {

	/**
	 * Whether a person may read the text: its links can grant access (an invitation, a single-use
	 * questionnaire link), so only whoever caused it and the recipient themselves may.
	 */
	public boolean textVisibleTo(UUID account, String email) {
		return account.equals(causedBy) || recipient.equalsIgnoreCase(email);
	}

}
