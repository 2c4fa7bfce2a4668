package care.rapport.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import org.jspecify.annotations.Nullable;

/**
 * A client's request for a session at a time their therapist offers. {@code note} is the client's
 * own words, shown to their therapist only; {@code declineReason} is shown to the client.
 */
public record AppointmentRequest(UUID id, ClientId clientId, String clientName, UUID therapistId, Instant startsAt,
		int minutes, @Nullable UUID typeId, @Nullable String note, Status status, @Nullable String declineReason,
		Instant createdAt) {

	public enum Status {

		PENDING("Waiting for your therapist"), ACCEPTED("Booked"), DECLINED("Not possible"), WITHDRAWN("Withdrawn");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public Duration length() {
		return Duration.ofMinutes(minutes);
	}

	public boolean pending() {
		return status == Status.PENDING;
	}

}
