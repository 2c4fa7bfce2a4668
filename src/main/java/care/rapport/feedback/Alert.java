package care.rapport.feedback;

import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the care team sees it.
 *
 * @param sessionNumber the episode's session of its newest evidence, when known
 * @param historical raised while importing history: shown on the chart and in the history only
 * @param reopenedAt when a new risk answer last re-opened it after it was acknowledged
 */
public record Alert(AlertId id, ClientId clientId, String clientName, AlertType type, AlertSeverity severity,
		String reason, UUID ownerId, Instant raisedAt, Instant dueAt, AlertStatus status,
		@Nullable AlertAction action, @Nullable String note, @Nullable Instant acknowledgedAt,
		@Nullable Instant escalatedAt, @Nullable Integer sessionNumber, boolean historical,
		@Nullable Instant reopenedAt) {

	public boolean overdue(Instant now) {
		return status == AlertStatus.OPEN && now.isAfter(dueAt);
	}

}
