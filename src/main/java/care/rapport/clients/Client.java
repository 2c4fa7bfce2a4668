package care.rapport.clients;

import java.time.Instant;
import java.util.UUID;

/** A client record as staff and the client see it. Administrative data only, no clinical content. */
public record Client(ClientId id, String displayName, String email, UUID therapistId, String therapistName,
		boolean portalAccount, Instant createdAt) {
}
