package care.rapport.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues e-mail. Messages carry no clinical content: they say there is something to see in Rapport. */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID enqueue(PracticeId practiceId, String recipient, String subject, String body) {
		UUID id = Ids.next();
		var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				insert into outbox_message (practice_id, message_id, recipient, subject, body, created_at,
				    next_attempt_at)
				values (:p, :id, :to, :subject, :body, :now, :now)""")
			.param("p", practiceId.value())
			.param("id", id)
			.param("to", recipient)
			.param("subject", subject)
			.param("body", body)
			.param("now", now)
			.update();
		return id;
	}

	public List<OutboxMessage> latest(PracticeId practiceId, int limit) {
		return jdbc.sql("""
				select message_id, recipient, subject, body, created_at, sent_at, attempts, last_error
				from outbox_message where practice_id = :p order by created_at desc limit :limit""")
			.param("p", practiceId.value())
			.param("limit", limit)
			.query((rs, n) -> new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
					rs.getObject(6, OffsetDateTime.class) == null ? null
							: rs.getObject(6, OffsetDateTime.class).toInstant(),
					rs.getInt(7), rs.getString(8)))
			.list();
	}

}
