package care.rapport.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import care.rapport.clients.ClientId;
import care.rapport.clients.Episodes;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions that took place before the practice used Rapport, recorded from imported history. The
 * history gives a date, not a time, so each is recorded as attended on that date in the practice's
 * zone, one second long, at the first free second after midnight: it numbers the client's sessions
 * like any attended appointment without taking a bookable hour from the therapist's calendar.
 * History comes in session order, so each gets the episode's next number, kept like any other.
 * No events: nothing falls due for a session long past.
 */
@Service
public class PastSessions {

	private final JdbcClient jdbc;

	private final Episodes episodes;

	private final Clock clock;

	PastSessions(JdbcClient jdbc, Episodes episodes, Clock clock) {
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.clock = clock;
	}

	/** @return the attended appointment recorded for the session, and when it is placed */
	@Transactional
	public Recorded recordAttended(PracticeId practice, ClientId client, UserId therapist, LocalDate date, ZoneId zone) {
		var episode = episodes.currentOrOpen(practice, client, therapist);
		Instant midnight = date.atStartOfDay(zone).toInstant();
		int taken = jdbc.sql("""
				select count(*) from appointment
				where practice_id = :p and therapist_id = :t and starts_at >= :from and starts_at < :to""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("from", utc(midnight))
			.param("to", utc(midnight.plusSeconds(86_400)))
			.query(Integer.class)
			.single();
		var id = new AppointmentId(Ids.next());
		for (int second = taken; second < 86_400; second++) {
			Instant start = midnight.plusSeconds(second);
			int inserted = jdbc.sql("""
					insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at,
					    ends_at, status, session_number, created_at)
					values (:p, :id, :c, :e, :t, :start, :end, 'ATTENDED',
					    (select coalesce(max(n.session_number), 0) + 1 from appointment n
					     where n.practice_id = :p and n.episode_id = :e), :now)
					on conflict on constraint appointment_no_double_booking do nothing""")
				.param("p", practice.value())
				.param("id", id.value())
				.param("c", client.value())
				.param("e", episode.id().value())
				.param("t", therapist.value())
				.param("start", utc(start))
				.param("end", utc(start.plusSeconds(1)))
				.param("now", utc(clock.instant()))
				.update();
			if (inserted == 1) {
				return new Recorded(id, episode.id().value(), start);
			}
		}
		throw new IllegalStateException("No free second left on " + date + " for this therapist");
	}

	/** A recorded past session. */
	public record Recorded(AppointmentId appointmentId, java.util.UUID episodeId, Instant startsAt) {
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
