package care.rapport.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and adds rows of {@code audit_checkpoint}; the database refuses any other change. */
@Component
class CheckpointTable {

	private static final RowMapper<AuditCheckpoint> CHECKPOINT = (rs, n) -> new AuditCheckpoint(
			rs.getObject("taken_at", OffsetDateTime.class).toInstant(), rs.getLong("record_count"),
			rs.getString("head_hash"));

	private final JdbcClient jdbc;

	CheckpointTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every checkpoint of a practice, oldest (fewest records) first. */
	List<AuditCheckpoint> all(PracticeId practiceId) {
		return jdbc.sql("""
				select taken_at, record_count, head_hash from audit_checkpoint
				where practice_id = :p order by record_count, taken_at""")
			.param("p", practiceId.value())
			.query(CHECKPOINT)
			.list();
	}

	Optional<AuditCheckpoint> latest(PracticeId practiceId) {
		return jdbc.sql("""
				select taken_at, record_count, head_hash from audit_checkpoint
				where practice_id = :p order by record_count desc, taken_at desc limit 1""")
			.param("p", practiceId.value())
			.query(CHECKPOINT)
			.optional();
	}

	void add(PracticeId practiceId, AuditCheckpoint checkpoint) {
		jdbc.sql("""
				insert into audit_checkpoint (practice_id, checkpoint_id, taken_at, record_count, head_hash)
				values (:p, :id, :at, :count, :hash)""")
			.param("p", practiceId.value())
			.param("id", Ids.next())
			.param("at", OffsetDateTime.ofInstant(checkpoint.takenAt(), ZoneOffset.UTC))
			.param("count", checkpoint.recordCount())
			.param("hash", checkpoint.headHash())
			.update();
	}

	/** Practices whose chain has grown since their latest checkpoint (or that have none yet). */
	List<PracticeId> practicesWithNewRecords() {
		return jdbc.sql("""
				select e.practice_id from (select practice_id, max(seq) as head from audit_event group by practice_id) e
				where e.head > coalesce((select max(c.record_count) from audit_checkpoint c
				                         where c.practice_id = e.practice_id), 0)""")
			.query((rs, n) -> new PracticeId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** The sequence number and hash of a practice's last record, if it has any. */
	Optional<Head> head(PracticeId practiceId) {
		return jdbc.sql("select seq, hash from audit_event where practice_id = :p order by seq desc limit 1")
			.param("p", practiceId.value())
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/** The previous record's hash as stored with a practice's record of that number, if the record exists. */
	Optional<String> storedPrevHash(PracticeId practiceId, long seq) {
		return jdbc.sql("select prev_hash from audit_event where practice_id = :p and seq = :seq")
			.param("p", practiceId.value())
			.param("seq", seq)
			.query(String.class)
			.optional();
	}

	record Head(long seq, String hash) {

		AuditCheckpoint at(Instant time) {
			return new AuditCheckpoint(time, seq, hash);
		}

	}

}
