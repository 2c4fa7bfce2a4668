package care.rapport.mail;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A message in the outbox, sent or waiting. */
public record OutboxMessage(UUID id, String recipient, String subject, String body, Instant createdAt,
		@Nullable Instant sentAt, int attempts, @Nullable String lastError) {
}
