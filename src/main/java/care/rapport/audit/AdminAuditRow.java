package care.rapport.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An audit event as a practice admin reads it. For a clinical event, {@code what} is the kind of
 * access ("Viewed a clinical record", "Changed a clinical record") and the detail is left out:
 * admins oversee access to records, not their content.
 *
 * @param clientName the client's name, so rows of different clients can be told apart
 */
public record AdminAuditRow(long seq, Instant occurredAt, String actorName, String actorRoleLabel, String what,
		@Nullable UUID clientId, @Nullable String clientName, String detail, @Nullable String remoteAddr,
		boolean clinical) {

	static AdminAuditRow of(AuditEvent event, @Nullable String clientName) {
		AuditSensitivity sensitivity = event.action().sensitivity();
		boolean clinical = sensitivity.clinical();
		return new AdminAuditRow(event.seq(), event.occurredAt(), event.actorName(), event.actorRoleLabel(),
				clinical ? sensitivity.adminLabel() : event.action().label(), event.clientId(), clientName,
				clinical ? "" : event.detail(), event.remoteAddr(), clinical);
	}

}
