package care.rapport.scheduling;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.practice.PracticeId;

/** A client came to a session; measures due after sessions hang off it. */
public record AppointmentAttended(PracticeId practiceId, AppointmentId appointmentId, ClientId clientId,
		EpisodeId episodeId, int sessionNumber) {
}
