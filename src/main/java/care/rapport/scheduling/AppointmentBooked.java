package care.rapport.scheduling;

import java.time.Instant;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.practice.PracticeId;

/**
 * A session was booked; measures due before sessions hang off it.
 *
 * @param afterTheFact the session already took place and is only being recorded: nothing can be asked before it
 */
public record AppointmentBooked(PracticeId practiceId, AppointmentId appointmentId, ClientId clientId,
		EpisodeId episodeId, Instant startsAt, boolean afterTheFact) {
}
