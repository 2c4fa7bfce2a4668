package care.rapport.goals.internal;

import care.rapport.clients.Client;
import care.rapport.clients.Episode;
import care.rapport.clients.Episodes;
import care.rapport.identity.UserId;
import care.rapport.practice.PracticeId;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.Appointments;
import org.springframework.stereotype.Component;

/** The episode goals and commitments belong to, and the session they are rated or made at. */
@Component
public class Sessions {

	private final Episodes episodes;

	private final Appointments appointments;

	Sessions(Episodes episodes, Appointments appointments) {
		this.episodes = episodes;
		this.appointments = appointments;
	}

	/** The client's open episode, opened with their therapist if they have none. */
	public Episode episode(PracticeId practice, Client client) {
		return episodes.currentOrOpen(practice, client.id(), new UserId(client.therapistId()));
	}

	/**
	 * The session a rating made now belongs to: the last attended session of the episode, which is
	 * the current one once its attendance is recorded; 0 before the first session.
	 */
	public int current(PracticeId practice, Episode episode) {
		return appointments.ofEpisode(practice, episode.id())
			.stream()
			.map(Appointment::sessionNumber)
			.filter(java.util.Objects::nonNull)
			.mapToInt(Integer::intValue)
			.max()
			.orElse(0);
	}

}
