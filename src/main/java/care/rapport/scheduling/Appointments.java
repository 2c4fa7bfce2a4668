package care.rapport.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.clients.Episodes;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books appointments and stores their transitions (see {@link Appointment}). Callers check who may act
 * on which client.
 */
@Service
public class Appointments {

	private static final String SELECT = "select a.* from appointment a ";

	private static final String CANCEL_REASON = "appointment.cancel_reason";

	private static final String OUTSIDE_REASON = "appointment.outside_availability_reason";

	private final JdbcClient jdbc;

	private final Episodes episodes;

	private final ApplicationEventPublisher events;

	private final SensitiveText sensitive;

	private final Clock clock;

	Appointments(JdbcClient jdbc, Episodes episodes, ApplicationEventPublisher events, SensitiveText sensitive,
			Clock clock) {
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.events = events;
		this.sensitive = sensitive;
		this.clock = clock;
	}

	/** Rows of {@code appointment} (with {@code a.*}) as appointments of this practice, reasons decrypted. */
	private RowMapper<Appointment> mapper(PracticeId practice) {
		return (rs, n) -> new Appointment(new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), new EpisodeId(rs.getObject("episode_id", UUID.class)),
				rs.getObject("therapist_id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
				rs.getObject("ends_at", OffsetDateTime.class).toInstant(), Attendance.valueOf(rs.getString("status")),
				rs.getObject("session_number") == null ? null : rs.getInt("session_number"),
				rs.getString("telehealth_url"),
				// Rows not yet moved by SealedReasonsMigration still have the plaintext column.
				Optional.ofNullable(sensitive.decrypt(practice, CANCEL_REASON, rs.getBytes("cancel_reason_sealed")))
					.orElse(rs.getString("cancel_reason")),
				rs.getObject("rescheduled_from", OffsetDateTime.class) == null ? null
						: rs.getObject("rescheduled_from", OffsetDateTime.class).toInstant(),
				sensitive.decrypt(practice, OUTSIDE_REASON, rs.getBytes("outside_availability_reason")));
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
			Duration length, @Nullable UUID typeId) {
		return book(practice, client, therapist, startsAt, length, typeId, null);
	}

	/**
	 * Books a session; staff may book outside the therapist's availability when they say why
	 * ({@code outsideAvailabilityReason}, kept encrypted). Callers decide whether that is needed.
	 */
	@Transactional
	public AppointmentId book(PracticeId practice, ClientId client, UserId therapist, Instant startsAt,
			Duration length, @Nullable UUID typeId, @Nullable String outsideAvailabilityReason) {
		return insert(practice, client, therapist, startsAt, length, typeId, outsideAvailabilityReason, false);
	}

	/**
	 * Adds a session that already took place, to record its attendance now. Nothing falls due before
	 * it ({@link AppointmentBooked#afterTheFact()}): the client cannot answer before a past session.
	 * @throws IllegalArgumentException when it starts from now on
	 * @throws SlotTakenException when the therapist had another session then
	 */
	@Transactional
	public AppointmentId addPast(PracticeId practice, ClientId client, UserId therapist, Instant startsAt,
			Duration length, @Nullable UUID typeId, @Nullable String outsideAvailabilityReason) {
		if (!startsAt.isBefore(clock.instant())) {
			throw new IllegalArgumentException("A past session starts before now.");
		}
		return insert(practice, client, therapist, startsAt, length, typeId, outsideAvailabilityReason, true);
	}

	private AppointmentId insert(PracticeId practice, ClientId client, UserId therapist, Instant startsAt,
			Duration length, @Nullable UUID typeId, @Nullable String outsideAvailabilityReason, boolean afterTheFact) {
		var episode = episodes.currentOrOpen(practice, client, therapist);
		var id = new AppointmentId(Ids.next());
		// "do nothing" on the overlap constraint keeps the caller's transaction usable after a refusal.
		int booked = jdbc.sql("""
				insert into appointment (practice_id, appointment_id, client_id, episode_id, therapist_id, starts_at,
				    ends_at, status, created_at, type_id, outside_availability_reason)
				values (:p, :id, :c, :e, :t, :start, :end, 'SCHEDULED', :now, :type, :outside)
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
			.param("outside", outsideAvailabilityReason == null || outsideAvailabilityReason.isBlank() ? null
					: sensitive.encrypt(practice, OUTSIDE_REASON, outsideAvailabilityReason.strip()))
			.update();
		if (booked == 0) {
			throw new SlotTakenException();
		}
		events.publishEvent(new AppointmentBooked(practice, id, client, episode.id(), startsAt, afterTheFact));
		return id;
	}

	/**
	 * The client came: the session gets the episode's next number and {@link AppointmentAttended} is
	 * published, once. Numbers follow the order in which attendance is recorded, which is time order
	 * unless a session is recorded after a later one; either way a number once given never changes.
	 * @throws AttendanceRefused when the session has not started or is not scheduled
	 */
	@Transactional
	public Appointment attend(PracticeId practice, AppointmentId id) {
		return change(practice, id, a -> a.attend(clock.instant()));
	}

	/** @throws AttendanceRefused when the session has not started or is not scheduled */
	@Transactional
	public Appointment noShow(PracticeId practice, AppointmentId id) {
		return change(practice, id, a -> a.noShow(clock.instant()));
	}

	/** @throws AttendanceRefused without a reason, or when the session is not scheduled */
	@Transactional
	public Appointment lateCancel(PracticeId practice, AppointmentId id, String reason) {
		return change(practice, id, a -> a.lateCancel(reason));
	}

	/**
	 * Cancels a scheduled session with a reason (kept encrypted), freeing its time.
	 * @throws AttendanceRefused without a reason, or when the session is not scheduled
	 */
	@Transactional
	public Appointment cancel(PracticeId practice, AppointmentId id, String reason) {
		return change(practice, id, a -> a.cancel(reason));
	}

	/**
	 * Puts a cancelled or missed session back on the schedule.
	 * @throws AttendanceRefused outside the window or when it is not cancelled or missed
	 * @throws SlotTakenException when its time was booked again meanwhile; nothing changes
	 */
	@Transactional
	public Appointment reinstate(PracticeId practice, AppointmentId id) {
		return change(practice, id, a -> a.reinstate(clock.instant()));
	}

	/**
	 * Applies a transition of the aggregate and stores it only if nobody changed the session
	 * meanwhile, so an event is published once, for the change that really happened.
	 */
	private Appointment change(PracticeId practice, AppointmentId id, UnaryOperator<Appointment> transition) {
		Appointment before = find(practice, id).orElseThrow(() -> new IllegalArgumentException("No appointment " + id));
		Appointment after = transition.apply(before);
		boolean attending = after.attendance() == Attendance.ATTENDED;
		if (attending) {
			// One numbering at a time per episode: the next number is read and taken in one step.
			jdbc.sql("select appointment_id from appointment where practice_id = :p and episode_id = :e for update")
				.param("p", practice.value())
				.param("e", before.episodeId().value())
				.query(UUID.class)
				.list();
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update appointment set status = :next, cancel_reason_sealed = :reason, cancel_reason = null,
					    session_number = case when :attending then (select coalesce(max(n.session_number), 0) + 1
					        from appointment n where n.practice_id = :p and n.episode_id = :e) end
					where practice_id = :p and appointment_id = :id and status = :current""")
				.param("next", after.attendance().name())
				.param("reason", after.cancelReason() == null ? null
						: sensitive.encrypt(practice, CANCEL_REASON, after.cancelReason()))
				.param("attending", attending)
				.param("p", practice.value())
				.param("e", before.episodeId().value())
				.param("id", id.value())
				.param("current", before.attendance().name())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			// Reinstating a session whose time was booked again meanwhile.
			throw new SlotTakenException();
		}
		if (updated == 0) {
			throw new AttendanceRefused(AttendanceRefused.Code.CHANGED_MEANWHILE,
					"Someone changed this session meanwhile; see what it shows now.");
		}
		Appointment stored = find(practice, id).orElseThrow();
		if (attending && stored.sessionNumber() != null) {
			events.publishEvent(new AppointmentAttended(practice, id, stored.clientId(), stored.episodeId(),
					stored.sessionNumber()));
		}
		return stored;
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

	/**
	 * Sets or clears the session's video link.
	 * @throws IllegalArgumentException when the link is not an absolute https address
	 */
	@Transactional
	public void setTelehealthLink(PracticeId practice, AppointmentId id, String url) {
		String link = url.strip();
		if (!link.isEmpty() && VideoLinks.problemWith(link).isPresent()) {
			throw new IllegalArgumentException(VideoLinks.problemWith(link).get());
		}
		jdbc.sql("update appointment set telehealth_url = :u where practice_id = :p and appointment_id = :id")
			.param("u", link.isEmpty() ? null : link)
			.param("p", practice.value())
			.param("id", id.value())
			.update();
	}

	/** A session whose reminder is due: starting within the given time and not yet reminded. */
	public record DueReminder(PracticeId practiceId, AppointmentId appointmentId, ClientId clientId, Instant startsAt,
			@Nullable String telehealthUrl) {
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
				select a.*, c.display_name as client_name
				from appointment a join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				where a.practice_id = :p and a.therapist_id = :t and a.starts_at >= :from and a.starts_at < :to
				order by a.starts_at""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> new CalendarEntry(mapper(practice).mapRow(rs, n), rs.getString("client_name")))
			.list();
	}

	public Optional<Appointment> find(PracticeId practice, AppointmentId id) {
		return jdbc.sql(SELECT + " where a.practice_id = :p and a.appointment_id = :id")
			.param("p", practice.value())
			.param("id", id.value())
			.query(mapper(practice))
			.optional();
	}

	/** A client's appointments in the current episode, oldest first. */
	public List<Appointment> ofEpisode(PracticeId practice, EpisodeId episode) {
		return jdbc.sql(SELECT + " where a.practice_id = :p and a.episode_id = :e order by a.starts_at")
			.param("p", practice.value())
			.param("e", episode.value())
			.query(mapper(practice))
			.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
