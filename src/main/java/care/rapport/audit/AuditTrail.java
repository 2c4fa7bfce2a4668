package care.rapport.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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

	private final ClientNames clientNames;

	AuditTrail(JdbcClient jdbc, ClientNames clientNames) {
		this.jdbc = jdbc;
		this.clientNames = clientNames;
	}

	/**
	 * Criteria of an admin's search; every criterion is optional.
	 *
	 * @param actor part of the name of whoever acted
	 * @param actorId the account that acted, for a search by e-mail
	 * @param actions the kinds of event to list; empty for any
	 * @param includeSearches whether to list the admins' own searches of the trail, which would
	 * otherwise fill every page; they are listed anyway when {@code actions} asks for them
	 */
	public record Search(@Nullable String actor, @Nullable UUID actorId, List<AuditAction> actions,
			@Nullable UUID clientId, @Nullable Instant from, @Nullable Instant to, boolean includeSearches, int page) {
	}

	/**
	 * One page of the trail as a practice admin may read it: clinical events show who, when and
	 * which client, but neither what happened nor its detail (see {@link AuditSensitivity}).
	 * @return up to {@link #PAGE_SIZE} + 1 rows, the extra one telling that there are more
	 */
	public List<AdminAuditRow> searchForAdmin(PracticeId practiceId, Search search) {
		List<AuditEvent> events = search(practiceId, search);
		Map<UUID, String> names = clientNames.namesOf(practiceId,
				events.stream().map(AuditEvent::clientId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return events.stream().map(e -> AdminAuditRow.of(e, e.clientId() == null ? null : names.get(e.clientId())))
			.toList();
	}

	List<AuditEvent> search(PracticeId practiceId, Search search) {
		boolean hideSearches = !search.includeSearches() && !search.actions().contains(AuditAction.AUDIT_SEARCHED);
		return jdbc.sql("""
				select * from audit_event
				where practice_id = :p
				  and (cast(:actor as text) is null or actor_name ilike '%' || cast(:actor as text) || '%')
				  and (cast(:actorId as uuid) is null or actor_id = cast(:actorId as uuid))
				  and (cast(:anyAction as boolean) or action in (:actions))
				  and (not cast(:hideSearches as boolean) or action <> 'AUDIT_SEARCHED')
				  and not (actor_id is null and action in (:clinical))
				  and (cast(:client as uuid) is null or client_id = cast(:client as uuid))
				  and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
				  and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
				order by seq desc
				limit :limit offset :offset""")
			.param("p", practiceId.value())
			.param("actor", search.actorId() != null ? null : blankToNull(search.actor()))
			.param("actorId", search.actorId())
			.param("anyAction", search.actions().isEmpty())
			// An empty IN list is not SQL; a name no row has stands in when any action will do.
			.param("actions", search.actions().isEmpty() ? List.of("-") : search.actions().stream().map(Enum::name).toList())
			.param("hideSearches", hideSearches)
			// What Rapport itself does to a clinical record (an alert raised) is no one's access and would
			// tell an admin a clinical fact by its mere presence: admins never see those rows.
			.param("clinical", clinicalActions())
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

	private static List<String> clinicalActions() {
		return java.util.Arrays.stream(AuditAction.values())
			.filter(a -> a.sensitivity() != AuditSensitivity.ADMINISTRATIVE)
			.map(Enum::name)
			.toList();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
