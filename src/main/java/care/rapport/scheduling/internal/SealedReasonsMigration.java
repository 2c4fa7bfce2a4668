package care.rapport.scheduling.internal;

import java.util.UUID;

import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts the reasons stored in plaintext before V32 (cancellations, declined requests, days off)
 * at start-up, then clears the plaintext. It needs each practice's data key, which only the
 * application has, so it cannot be a SQL migration. Until it has run, readers fall back to the
 * plaintext column; once a database has been moved, it finds nothing to do.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SealedReasonsMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SealedReasonsMigration.class);

	/** A table's plaintext column, its encrypted twin, and the field name bound to the ciphertext. */
	private record Column(String table, String plaintext, String sealed, String field) {
	}

	private static final Column[] COLUMNS = {
			new Column("appointment", "cancel_reason", "cancel_reason_sealed", "appointment.cancel_reason"),
			new Column("appointment_request", "decline_reason", "decline_reason_sealed",
					"appointment_request.decline_reason"),
			new Column("availability_exception", "reason", "reason_sealed", "availability_exception.reason") };

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	private final TransactionTemplate transaction;

	SealedReasonsMigration(JdbcClient jdbc, SensitiveText sensitive, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		int moved = 0;
		for (Column column : COLUMNS) {
			moved += transaction.execute(tx -> seal(column));
		}
		if (moved > 0) {
			log.info("Encrypted {} scheduling reasons stored in plaintext before this version", moved);
		}
	}

	/** Rows are addressed by ctid within the transaction, so one statement fits every table's key. */
	private int seal(Column column) {
		record Plain(String ctid, UUID practiceId, String text) {
		}
		var rows = jdbc.sql("select ctid::text, practice_id, %s from %s where %s is not null for update"
			.formatted(column.plaintext(), column.table(), column.plaintext()))
			.query((rs, n) -> new Plain(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
			.list();
		for (Plain row : rows) {
			jdbc.sql("update %s set %s = :sealed, %s = null where ctid = cast(:ctid as tid)"
				.formatted(column.table(), column.sealed(), column.plaintext()))
				.param("sealed", sensitive.encrypt(new PracticeId(row.practiceId()), column.field(), row.text()))
				.param("ctid", row.ctid())
				.update();
		}
		return rows.size();
	}

}
