package care.rapport.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail: the admin's search and a client's own access history. */
@Service
public class AuditTrail {

	public static final int PAGE_SIZE = 50;

	private static final RowMapper<AuditEvent> EVENT = (rs, n) -> new AuditEvent(rs.getLong("seq"),
			rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor_name"),
			rs.getString("actor_role"), AuditAction.valueOf(rs.getString("action")),
			rs.getObject("client_id", UUID.class), rs.getString("detail"), rs.getString("remote_addr"));

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Criteria of an admin's search; every criterion is optional. */
	public record Search(@Nullable String actor, @Nullable AuditAction action, @Nullable UUID clientId,
			@Nullable Instant from, @Nullable Instant to, int page) {
	}

	public List<AuditEvent> search(PracticeId practiceId, Search search) {
		return jdbc.sql("""
				select * from audit_event
				where practice_id = :p
				  and (cast(:actor as text) is null or actor_name ilike '%' || cast(:actor as text) || '%')
				  and (cast(:action as text) is null or action = cast(:action as text))
				  and (cast(:client as uuid) is null or client_id = cast(:client as uuid))
				  and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
				  and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
				order by seq desc
				limit :limit offset :offset""")
			.param("p", practiceId.value())
			.param("actor", blankToNull(search.actor()))
			.param("action", search.action() == null ? null : search.action().name())
			.param("client", search.clientId())
			.param("from", utc(search.from()))
			.param("to", utc(search.to()))
			.param("limit", PAGE_SIZE + 1)
			.param("offset", Math.max(0, search.page()) * PAGE_SIZE)
			.query(EVENT)
			.list();
	}

	/** Reads of a client's data by anyone but the client, newest first. */
	public List<AuditEvent> accessHistory(PracticeId practiceId, UUID clientId, UUID clientUserId) {
		List<String> reads = java.util.Arrays.stream(AuditAction.values())
			.filter(AuditAction::clientDataRead)
			.map(Enum::name)
			.toList();
		return jdbc.sql("""
				select * from audit_event
				where practice_id = :p and client_id = :c and action in (:reads)
				  and actor_id is distinct from :self
				order by seq desc limit 200""")
			.param("p", practiceId.value())
			.param("c", clientId)
			.param("reads", reads)
			.param("self", clientUserId)
			.query(EVENT)
			.list();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
