package care.rapport.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import care.rapport.scheduling.AppointmentRequest.Status;
import care.rapport.scheduling.internal.SessionNotices;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions a client asks for and their therapist accepts or declines. Accepting books the session
 * through {@link Appointments}, so the database still has the last word on double-booking. Callers
 * check who may see the client; this class checks who may decide.
 */
@Service
public class AppointmentRequests {

	public static final int MAX_NOTE = 500;

	public static final int MAX_REASON = 300;

	private static final String NOTE = "appointment_request.note";

	private static final String DECLINE_REASON = "appointment_request.decline_reason";

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final SensitiveText sensitive;

	private final AuditLog audit;

	private final SessionNotices notices;

	private final Clock clock;

	AppointmentRequests(JdbcClient jdbc, Appointments appointments, SensitiveText sensitive, AuditLog audit,
			SessionNotices notices, Clock clock) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.sensitive = sensitive;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The client asks for a session; the same request key twice stores it once.
	 * @throws IllegalArgumentException when the time has passed or the note is too long; nothing is stored
	 */
	@Transactional
	public UUID request(RapportUser self, Client client, Instant startsAt, int minutes, @Nullable UUID typeId,
			String note, UUID requestKey) {
		if (!startsAt.isAfter(clock.instant())) {
			throw new IllegalArgumentException("That time has passed. Choose one of the times offered.");
		}
		if (note.strip().length() > MAX_NOTE) {
			throw new IllegalArgumentException("Keep the note to " + MAX_NOTE + " characters.");
		}
		UUID id = Ids.next();
		int stored = jdbc.sql("""
				insert into appointment_request (practice_id, request_id, client_id, therapist_id, starts_at, minutes,
				    type_id, note, request_key, created_at)
				values (:p, :id, :c, :t, :start, :minutes, :type, :note, :key, :now)
				on conflict on constraint appointment_request_once do nothing""")
			.param("p", self.practiceId().value())
			.param("id", id)
			.param("c", client.id().value())
			.param("t", client.therapistId())
			.param("start", utc(startsAt))
			.param("minutes", minutes)
			.param("type", typeId)
			.param("note", note.isBlank() ? null : sensitive.encrypt(self.practiceId(), NOTE, note.strip()))
			.param("key", requestKey)
			.param("now", utc(clock.instant()))
			.update();
		if (stored == 0) {
			return jdbc.sql("select request_id from appointment_request where practice_id = :p and request_key = :key")
				.param("p", self.practiceId().value())
				.param("key", requestKey)
				.query(UUID.class)
				.single();
		}
		record(self, client.id(), AuditAction.SESSION_REQUESTED, "Asked for a session");
		notices.requested(self.practiceId(), new UserId(client.therapistId()));
		return id;
	}

	/** Whether a request with this key was stored already (a double click or a retry). */
	public boolean alreadySent(PracticeId practice, UUID requestKey) {
		return jdbc.sql("select exists (select 1 from appointment_request where practice_id = :p and request_key = :key)")
			.param("p", practice.value())
			.param("key", requestKey)
			.query(Boolean.class)
			.single();
	}

	/** The client's requests, newest first; their own note included. */
	public List<AppointmentRequest> ofClient(PracticeId practice, ClientId client) {
		return jdbc.sql(SELECT + " where r.practice_id = :p and r.client_id = :c order by r.created_at desc limit 20")
			.param("p", practice.value())
			.param("c", client.value())
			.query(mapper(practice, true))
			.list();
	}

	/**
	 * Requests waiting for a therapist, soonest first. The client's note is shown to the therapist
	 * alone: admins arrange times but read no words of the client.
	 */
	public List<AppointmentRequest> pendingFor(RapportUser staff, UserId therapist) {
		boolean withNotes = staff.id().equals(therapist);
		return jdbc.sql(SELECT + " where r.practice_id = :p and r.therapist_id = :t and r.status = 'PENDING'"
				+ " order by r.starts_at")
			.param("p", staff.practiceId().value())
			.param("t", therapist.value())
			.query(mapper(staff.practiceId(), withNotes))
			.list();
	}

	public int countPendingFor(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				select count(*) from appointment_request
				where practice_id = :p and therapist_id = :t and status = 'PENDING'""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query(Integer.class)
			.single();
	}

	/** A request the person may decide on: the therapist asked, or a practice admin. */
	public Optional<AppointmentRequest> decidable(RapportUser staff, UUID id) {
		return find(staff.practiceId(), id)
			.filter(r -> r.therapistId().equals(staff.id().value()) || staff.has(Role.PRACTICE_ADMIN));
	}

	/**
	 * Books the requested time and marks the request accepted.
	 * @throws SlotTakenException when the time was booked meanwhile; the request stays pending
	 * @throws IllegalArgumentException when it was already decided or its time has passed
	 */
	@Transactional
	public AppointmentId accept(RapportUser staff, AppointmentRequest request) {
		requirePending(request);
		if (!request.startsAt().isAfter(clock.instant())) {
			throw new IllegalArgumentException("That time has passed. Decline the request and offer another time.");
		}
		AppointmentId booked = appointments.book(staff.practiceId(), request.clientId(),
				new UserId(request.therapistId()), request.startsAt(), request.length(), request.typeId());
		decide(staff, request, Status.ACCEPTED, null, booked);
		record(staff, request.clientId(), AuditAction.SESSION_REQUEST_ACCEPTED, "Accepted a session request");
		notices.answered(staff.practiceId(), request.clientId(), request.startsAt(), true);
		return booked;
	}

	/** @throws IllegalArgumentException when no reason is given or it was already decided */
	@Transactional
	public void decline(RapportUser staff, AppointmentRequest request, String reason) {
		requirePending(request);
		if (reason.isBlank() || reason.strip().length() > MAX_REASON) {
			throw new IllegalArgumentException(
					"Tell the client briefly why, and what they could do instead (up to " + MAX_REASON + " characters).");
		}
		decide(staff, request, Status.DECLINED, reason.strip(), null);
		record(staff, request.clientId(), AuditAction.SESSION_REQUEST_DECLINED, "Declined a session request");
		notices.answered(staff.practiceId(), request.clientId(), request.startsAt(), false);
	}

	/** The client takes back a request nobody has decided on yet. */
	@Transactional
	public void withdraw(RapportUser self, Client client, UUID id) {
		int withdrawn = jdbc.sql("""
				update appointment_request set status = 'WITHDRAWN', decided_by = :by, decided_at = :now
				where practice_id = :p and request_id = :id and client_id = :c and status = 'PENDING'""")
			.param("by", self.id().value())
			.param("now", utc(clock.instant()))
			.param("p", self.practiceId().value())
			.param("id", id)
			.param("c", client.id().value())
			.update();
		if (withdrawn == 0) {
			throw new IllegalArgumentException("Your therapist has already answered this request.");
		}
		record(self, client.id(), AuditAction.SESSION_REQUEST_WITHDRAWN, "Withdrew a session request");
	}

	private Optional<AppointmentRequest> find(PracticeId practice, UUID id) {
		return jdbc.sql(SELECT + " where r.practice_id = :p and r.request_id = :id")
			.param("p", practice.value())
			.param("id", id)
			.query(mapper(practice, false))
			.optional();
	}

	private void decide(RapportUser staff, AppointmentRequest request, Status status, @Nullable String reason,
			@Nullable AppointmentId booked) {
		int decided = jdbc.sql("""
				update appointment_request set status = :s, decided_by = :by, decided_at = :now,
				    decline_reason_sealed = :reason, appointment_id = :a
				where practice_id = :p and request_id = :id and status = 'PENDING'""")
			.param("s", status.name())
			.param("by", staff.id().value())
			.param("now", utc(clock.instant()))
			.param("reason", reason == null ? null : sensitive.encrypt(staff.practiceId(), DECLINE_REASON, reason))
			.param("a", booked == null ? null : booked.value())
			.param("p", staff.practiceId().value())
			.param("id", request.id())
			.update();
		if (decided == 0) {
			throw new IllegalArgumentException("This request was answered or withdrawn meanwhile.");
		}
	}

	private static void requirePending(AppointmentRequest request) {
		if (!request.pending()) {
			throw new IllegalArgumentException("This request was already " + request.status().label().toLowerCase()
					+ "; nothing was changed.");
		}
	}

	private void record(RapportUser user, ClientId client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(user.practiceId(), user.actor(), action, client.value(), detail));
	}

	private static final String SELECT = """
			select r.*, c.display_name as client_name from appointment_request r
			join client c on c.practice_id = r.practice_id and c.client_id = r.client_id
			""";

	private RowMapper<AppointmentRequest> mapper(PracticeId practice, boolean withNote) {
		return (rs, n) -> new AppointmentRequest(rs.getObject("request_id", UUID.class),
				new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
				rs.getObject("therapist_id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
				rs.getInt("minutes"), rs.getObject("type_id", UUID.class),
				withNote ? sensitive.decrypt(practice, NOTE, rs.getBytes("note")) : null,
				Status.valueOf(rs.getString("status")),
				// Rows not yet moved by SealedReasonsMigration still have the plaintext column.
				Optional.ofNullable(sensitive.decrypt(practice, DECLINE_REASON, rs.getBytes("decline_reason_sealed")))
					.orElse(rs.getString("decline_reason")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
