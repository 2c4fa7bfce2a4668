package care.rapport.scheduling;

import java.time.Instant;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.practice.PracticeId;

/** A session was booked; measures due before sessions hang off it. */
public record AppointmentBooked(PracticeId practiceId, AppointmentId appointmentId, ClientId clientId,
		EpisodeId episodeId, Instant startsAt) {
}
