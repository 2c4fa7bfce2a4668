package care.rapport.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A written audit event as read back for display. */
public record AuditEvent(long seq, Instant occurredAt, String actorName, String actorRole, AuditAction action,
		@Nullable UUID clientId, String detail, @Nullable String remoteAddr) {

	/** The role in words, as people read it in the trail and in a client's access history. */
	public String actorRoleLabel() {
		return switch (actorRole) {
			case "PRACTICE_ADMIN" -> "practice admin";
			case "THERAPIST" -> "therapist";
			case "SUPERVISOR" -> "supervisor";
			case "CLIENT" -> "client";
			case "ANONYMOUS" -> "not signed in";
			case "SYSTEM" -> "Rapport";
			default -> actorRole.toLowerCase(java.util.Locale.ROOT);
		};
	}

}
