package care.rapport.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * One asking of one instrument, with its score once completed.
 *
 * @param sessionNumber the attended session it belongs to, if any
 */
public record Administration(AdministrationId id, ClientId clientId, UUID episodeId, @Nullable UUID appointmentId,
		String instrumentCode, int instrumentVersion, Instant dueAt, AdministrationStatus status,
		@Nullable String source, @Nullable Instant completedAt, @Nullable BigDecimal total, @Nullable String band,
		@Nullable Boolean inClinicalRange, @Nullable Integer sessionNumber) {
}
