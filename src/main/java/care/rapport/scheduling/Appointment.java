package care.rapport.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import org.jspecify.annotations.Nullable;

/**
 * An appointment. {@code sessionNumber} counts attended sessions of the episode in time order
 * (1 = the first session attended); none for a session not attended.
 */
public record Appointment(AppointmentId id, ClientId clientId, EpisodeId episodeId, UUID therapistId,
		Instant startsAt, Instant endsAt, Attendance attendance, @Nullable Integer sessionNumber,
		@Nullable String telehealthUrl, @Nullable String cancelReason, @Nullable Instant rescheduledFrom) {

	public Duration length() {
		return Duration.between(startsAt, endsAt);
	}

}
