package care.rapport.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
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

	/** Queues a message nobody in particular caused (a notice, a reminder): its text is for the recipient alone. */
	@Transactional
	public UUID enqueue(PracticeId practiceId, String recipient, String subject, String body) {
		return enqueue(practiceId, recipient, subject, body, null);
	}

	/**
	 * Queues a message caused by a person, such as an invitation or a single-use link they sent. On
	 * the outbox page its text, which may carry a link that grants access, is shown to them and to
	 * the recipient only.
	 */
	@Transactional
	public UUID enqueue(PracticeId practiceId, String recipient, String subject, String body,
			@Nullable UUID causedBy) {
		UUID id = Ids.next();
		var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				insert into outbox_message (practice_id, message_id, recipient, subject, body, created_at,
				    next_attempt_at, caused_by)
				values (:p, :id, :to, :subject, :body, :now, :now, :by)""")
			.param("p", practiceId.value())
			.param("id", id)
			.param("to", recipient)
			.param("subject", subject)
			.param("body", body)
			.param("now", now)
			.param("by", causedBy)
			.update();
		return id;
	}

	public List<OutboxMessage> latest(PracticeId practiceId, int limit) {
		return jdbc.sql("""
				select message_id, recipient, subject, body, created_at, sent_at, attempts, last_error, caused_by
				from outbox_message where practice_id = :p order by created_at desc limit :limit""")
			.param("p", practiceId.value())
			.param("limit", limit)
			.query((rs, n) -> new OutboxMessage(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
					rs.getObject(6, OffsetDateTime.class) == null ? null
							: rs.getObject(6, OffsetDateTime.class).toInstant(),
					rs.getInt(7), rs.getString(8), rs.getObject(9, UUID.class)))
			.list();
	}

}
