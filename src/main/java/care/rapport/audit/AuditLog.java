package care.rapport.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. A write joins the caller's transaction, so an audited change and its
 * audit row commit or fail together; rows of one practice are chained by hash in order.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CheckpointTable checkpoints;

	AuditLog(JdbcClient jdbc, Clock clock, CheckpointTable checkpoints) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.checkpoints = checkpoints;
	}

	@Transactional
	public void record(AuditEntry entry) {
		UUID practice = entry.practiceId().value();
		// Serialises writers of one practice so the chain has no forks.
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:p::text, 7))").param("p", practice).query().singleRow();
		var last = jdbc.sql("select seq, hash from audit_event where practice_id = :p order by seq desc limit 1")
			.param("p", practice)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
		String prevHash = last.map(r -> (String) r[1]).orElse(GENESIS);
		// Microseconds: what PostgreSQL keeps, so the hash recomputes from the stored row.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID eventId = Ids.next();
		String remoteAddr = currentRemoteAddress();
		var event = new AuditEvent(seq, now, entry.actor().name(), entry.actor().role(), entry.action(),
				entry.clientId(), entry.detail(), remoteAddr);
		String hash = hash(prevHash, practice, eventId, entry.actor().userId(), event);
		jdbc.sql("""
				insert into audit_event (practice_id, seq, event_id, occurred_at, actor_id, actor_name, actor_role,
				    client_id, action, detail, remote_addr, prev_hash, hash)
				values (:p, :seq, :id, :at, :actorId, :actorName, :actorRole, :client, :action, :detail, :addr,
				    :prev, :hash)""")
			.param("p", practice)
			.param("seq", seq)
			.param("id", eventId)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actorId", entry.actor().userId())
			.param("actorName", entry.actor().name())
			.param("actorRole", entry.actor().role())
			.param("client", entry.clientId())
			.param("action", entry.action().name())
			.param("detail", entry.detail())
			.param("addr", remoteAddr)
			.param("prev", prevHash)
			.param("hash", hash)
			.update();
	}

	/** Writes an event that belongs to no practice, such as a failed sign-in for an unknown e-mail. */
	@Transactional
	public void recordSecurityEvent(AuditAction action, String detail) {
		jdbc.sql("""
				insert into security_event (event_id, occurred_at, action, detail, remote_addr)
				values (:id, :at, :action, :detail, :addr)""")
			.param("id", Ids.next())
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("action", action.name())
			.param("detail", detail)
			.param("addr", currentRemoteAddress())
			.update();
	}

	/**
	 * Recomputes the chain of a practice and compares it with the practice's checkpoints, so a
	 * changed record, a removed one and records cut off the end all show.
	 */
	@Transactional(readOnly = true)
	public ChainCheck verifyChain(PracticeId practiceId) {
		List<AuditCheckpoint> all = checkpoints.all(practiceId);
		var links = verifyLinks(practiceId, 0, GENESIS,
				all.stream().map(AuditCheckpoint::recordCount).collect(Collectors.toSet()));
		AuditCheckpoint latest = all.isEmpty() ? null : all.get(all.size() - 1);
		Long firstBroken = links.firstBrokenSeq();
		for (AuditCheckpoint checkpoint : all) {
			if (checkpoint.recordCount() > links.events()) {
				break;
			}
			if (!checkpoint.headHash().equals(links.hashes().get(checkpoint.recordCount()))) {
				long seq = checkpoint.recordCount();
				return new ChainCheck(links.events(), firstBroken == null ? seq : Math.min(firstBroken, seq), latest,
						checkpoint);
			}
		}
		if (latest != null && latest.recordCount() > links.events()) {
			return new ChainCheck(links.events(), firstBroken, latest, latest);
		}
		return new ChainCheck(links.events(), firstBroken, latest, null);
	}

	/**
	 * Recomputes the records of a practice after {@code afterSeq}, the first of which must link to
	 * {@code expectedPrev}, and keeps the stored hashes of the records numbered {@code wanted}.
	 */
	Links verifyLinks(PracticeId practiceId, long afterSeq, String expectedPrev, Set<Long> wanted) {
		List<Object[]> rows = jdbc.sql("""
				select seq, occurred_at, actor_name, actor_role, action, client_id, detail, remote_addr,
				       event_id, actor_id, prev_hash, hash
				from audit_event where practice_id = :p and seq > :after order by seq""")
			.param("p", practiceId.value())
			.param("after", afterSeq)
			.query((rs, n) -> new Object[] {
					new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
							rs.getString(4), AuditAction.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
							rs.getString(7), rs.getString(8)),
					rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12) })
			.list();
		Map<Long, String> hashes = new HashMap<>();
		Long firstBroken = null;
		String expected = expectedPrev;
		long expectedSeq = afterSeq + 1;
		for (Object[] row : rows) {
			var event = (AuditEvent) row[0];
			String prev = (String) row[3];
			String stored = (String) row[4];
			String recomputed = hash(prev, practiceId.value(), (UUID) row[1], (UUID) row[2], event);
			if (firstBroken == null
					&& (event.seq() != expectedSeq || !prev.equals(expected) || !recomputed.equals(stored))) {
				firstBroken = event.seq();
			}
			if (wanted.contains(event.seq())) {
				hashes.put(event.seq(), stored);
			}
			expected = stored;
			expectedSeq++;
		}
		return new Links((int) (afterSeq + rows.size()), firstBroken, hashes);
	}

	/** Records in the chain, the first broken one if any, and the stored hashes of the wanted records by number. */
	record Links(int events, @Nullable Long firstBrokenSeq, Map<Long, String> hashes) {
	}

	/**
	 * Outcome of a chain check: how many records were read, the first one that was altered, the
	 * practice's latest checkpoint, and the checkpoint the chain no longer matches if any.
	 */
	public record ChainCheck(int events, @Nullable Long firstBrokenSeq, @Nullable AuditCheckpoint latestCheckpoint,
			@Nullable AuditCheckpoint failedCheckpoint) {

		public boolean intact() {
			return firstBrokenSeq == null && failedCheckpoint == null;
		}

		/** Records were cut off the end: the chain ends before the latest checkpoint's last record. */
		public boolean recordsMissing() {
			return firstBrokenSeq == null && failedCheckpoint != null;
		}

		/** How many records the latest checkpoint counted that the chain no longer has. */
		public long missingCount() {
			return recordsMissing() ? failedCheckpoint.recordCount() - events : 0;
		}

	}

	static String hash(String prevHash, UUID practice, UUID eventId, @Nullable UUID actorId, AuditEvent e) {
		String canonical = String.join("|", prevHash, practice.toString(), Long.toString(e.seq()), eventId.toString(),
				e.occurredAt().toString(), String.valueOf(actorId), e.actorName(), e.actorRole(), e.action().name(),
				String.valueOf(e.clientId()), e.detail(), String.valueOf(e.remoteAddr()));
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static @Nullable String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
