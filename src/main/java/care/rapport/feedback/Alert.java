package care.rapport.feedback;

import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import org.jspecify.annotations.Nullable;

/** An alert as the care team sees it. */
public record Alert(AlertId id, ClientId clientId, String clientName, AlertType type, AlertSeverity severity,
		String reason, UUID ownerId, Instant raisedAt, Instant dueAt, AlertStatus status,
		@Nullable AlertAction action, @Nullable String note, @Nullable Instant acknowledgedAt,
		@Nullable Instant escalatedAt) {

	public boolean overdue(Instant now) {
		return status == AlertStatus.OPEN && now.isAfter(dueAt);
	}

}
