package care.rapport.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.clients.Episodes;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books appointments and records attendance. Callers check who may act on which client. */
@Service
public class Appointments {

	private static final String SELECT = """
			select a.*, case when a.status = 'ATTENDED' then count(*) filter (where a.status = 'ATTENDED')
			    over (partition by a.episode_id order by a.starts_at, a.appointment_id) end as session_number
			from appointment a
			""";

	private static final RowMapper<Appointment> APPOINTMENT = (rs, n) -> new Appointment(
			new AppointmentId(rs.getObject("appointment_id", UUID.class)),
			new ClientId(rs.getObject("client_id", UUID.class)), new EpisodeId(rs.getObject("episode_id", UUID.class)),
			rs.getObject("therapist_id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
			rs.getObject("ends_at", OffsetDateTime.class).toInstant(), Attendance.valueOf(rs.getString("status")),
			rs.getObject("session_number") == null ? null : rs.getInt("session_number"), rs.getString("telehealth_url"),
			rs.getString("cancel_reason"), rs.getObject("rescheduled_from", OffsetDateTime.class) == null ? null
					: rs.getObject("rescheduled_from", OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	private final Episodes episodes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Appointments(JdbcClient jdbc, Episodes episodes, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Books a session. The database refuses an overlap with another session of the therapist.
	 * @throws SlotTakenException when the therapist is already booked then; nothing is stored
	 */
	@Transactional
	public AppointmentId book(PracticeId practice, ClientId client, UserId therapist, Instant startsAt,
			Duration length) {
		return book(practice, client, therapist, startsAt, length, null);
	}

	/** Books a session of a kind the practice offers (or none). */
	@Transactional
	public AppointmentId book(PracticeId practice, ClientId client, UserId therapist, Instant startsAt,
			Duration length, @org.jspecify.annotations.Nullable UUID typeId) {
		var episode = episodes.currentOrOpen(practice, client, therapist);
		var id = new AppointmentId(Ids.next());
		// "do nothing" on the overlap constraint keeps the caller's transaction usable after a refusal.
		int booked = jdbc.sql("""
				insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at,
				    ends_at, status, created_at, type_id)
				values (:p, :id, :c, :e, :t, :start, :end, 'SCHEDULED', :now, :type)
				on conflict on constraint appointment_no_double_booking do nothing""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("c", client.value())
			.param("e", episode.id().value())
			.param("t", therapist.value())
			.param("start", utc(startsAt))
			.param("end", utc(startsAt.plus(length)))
			.param("now", utc(clock.instant()))
			.param("type", typeId)
			.update();
		if (booked == 0) {
			throw new SlotTakenException();
		}
		events.publishEvent(new AppointmentBooked(practice, id, client, episode.id(), startsAt));
		return id;
	}

	/** Records what became of an appointment; attending it numbers it within its episode. */
	@Transactional
	public Appointment recordAttendance(PracticeId practice, AppointmentId id, Attendance attendance) {
		int updated;
		try {
			updated = jdbc.sql("update appointment set status = :s where practice_id = :p and appointment_id = :id")
				.param("s", attendance.name())
				.param("p", practice.value())
				.param("id", id.value())
				.update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			// Reinstating a cancelled session whose time was booked again meanwhile.
			throw new SlotTakenException();
		}
		if (updated == 0) {
			throw new IllegalArgumentException("No appointment " + id);
		}
		Appointment appointment = find(practice, id).orElseThrow();
		if (attendance == Attendance.ATTENDED && appointment.sessionNumber() != null) {
			events.publishEvent(new AppointmentAttended(practice, id, appointment.clientId(), appointment.episodeId(),
					appointment.sessionNumber()));
		}
		return appointment;
	}

	/**
	 * Moves a scheduled session to another time in one step: it keeps its id (and the measures
	 * hanging off it), remembers where it was, and gets a fresh reminder.
	 * @throws SlotTakenException when the therapist has another session then; nothing changes
	 * @throws IllegalArgumentException when the session is not scheduled any more
	 */
	@Transactional
	public void reschedule(PracticeId practice, AppointmentId id, Instant startsAt, Duration length) {
		int moved;
		try {
			moved = jdbc.sql("""
					update appointment set rescheduled_from = starts_at, starts_at = :start, ends_at = :end,
					    reminder_queued_at = null
					where practice_id = :p and appointment_id = :id and status = 'SCHEDULED'""")
				.param("start", utc(startsAt))
				.param("end", utc(startsAt.plus(length)))
				.param("p", practice.value())
				.param("id", id.value())
				.update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw new SlotTakenException();
		}
		if (moved == 0) {
			throw new IllegalArgumentException("Only a scheduled session can be moved.");
		}
	}

	/** Sets or clears the session's video link; only https links are kept. */
	@Transactional
	public void setTelehealthLink(PracticeId practice, AppointmentId id, String url) {
		String link = url.strip();
		if (!link.isEmpty() && (!link.startsWith("https://") || link.length() > 500 || link.contains(" "))) {
			throw new IllegalArgumentException("A video link starts with https:// and has no spaces.");
		}
		jdbc.sql("update appointment set telehealth_url = :u where practice_id = :p and appointment_id = :id")
			.param("u", link.isEmpty() ? null : link)
			.param("p", practice.value())
			.param("id", id.value())
			.update();
	}

	/** Cancels a scheduled session with a reason, freeing its time. */
	@Transactional
	public void cancel(PracticeId practice, AppointmentId id, String reason) {
		if (reason.isBlank() || reason.length() > 300) {
			throw new IllegalArgumentException("Say briefly why the session is cancelled (up to 300 characters).");
		}
		int cancelled = jdbc.sql("""
				update appointment set status = 'CANCELLED', cancel_reason = :reason
				where practice_id = :p and appointment_id = :id and status = 'SCHEDULED'""")
			.param("reason", reason.strip())
			.param("p", practice.value())
			.param("id", id.value())
			.update();
		if (cancelled == 0) {
			throw new IllegalArgumentException("Only a scheduled session can be cancelled.");
		}
	}

	/** A session whose reminder is due: starting within the given time and not yet reminded. */
	public record DueReminder(PracticeId practiceId, AppointmentId appointmentId, ClientId clientId, Instant startsAt,
			@org.jspecify.annotations.Nullable String telehealthUrl) {
	}

	/**
	 * Marks the reminders due now as queued and returns them, in one step, so that two instances
	 * never send the same reminder twice.
	 */
	@Transactional
	public java.util.List<DueReminder> takeDueReminders(Duration ahead) {
		return jdbc.sql("""
				update appointment set reminder_queued_at = :now
				where (practice_id, appointment_id) in (
				    select practice_id, appointment_id from appointment
				    where status = 'SCHEDULED' and reminder_queued_at is null and starts_at > :now and starts_at <= :until
				    for update skip locked)
				returning practice_id, appointment_id, client_id, starts_at, telehealth_url""")
			.param("now", utc(clock.instant()))
			.param("until", utc(clock.instant().plus(ahead)))
			.query((rs, n) -> new DueReminder(new PracticeId(rs.getObject(1, UUID.class)),
					new AppointmentId(rs.getObject(2, UUID.class)), new ClientId(rs.getObject(3, UUID.class)),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
			.list();
	}

	/** One line of a therapist's calendar: the session and whom it is with. */
	public record CalendarEntry(Appointment appointment, String clientName) {
	}

	/** A therapist's sessions between two instants (cancelled ones included, marked), in time order. */
	public java.util.List<CalendarEntry> calendar(PracticeId practice, UserId therapist, Instant from, Instant to) {
		return jdbc.sql("""
				select a.*, null as session_number, c.display_name as client_name
				from appointment a join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				where a.practice_id = :p and a.therapist_id = :t and a.starts_at >= :from and a.starts_at < :to
				order by a.starts_at""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> new CalendarEntry(APPOINTMENT.mapRow(rs, n), rs.getString("client_name")))
			.list();
	}

	public Optional<Appointment> find(PracticeId practice, AppointmentId id) {
		return jdbc.sql("select * from (" + SELECT + " where a.practice_id = :p and a.episode_id = "
				+ "(select episode_id from appointment where practice_id = :p and appointment_id = :id)) s "
				+ "where appointment_id = :id")
			.param("p", practice.value())
			.param("id", id.value())
			.query(APPOINTMENT)
			.optional();
	}

	/** A client's appointments in the current episode, oldest first. */
	public List<Appointment> ofEpisode(PracticeId practice, EpisodeId episode) {
		return jdbc.sql(SELECT + " where a.practice_id = :p and a.episode_id = :e order by a.starts_at")
			.param("p", practice.value())
			.param("e", episode.value())
			.query(APPOINTMENT)
			.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
