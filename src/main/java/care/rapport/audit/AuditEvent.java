package care.rapport.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A written audit event as read back for display. */
public record AuditEvent(long seq, Instant occurredAt, String actorName, String actorRole, AuditAction action,
		@Nullable UUID clientId, String detail, @Nullable String remoteAddr) {
}
