package care.rapport.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.rapport.mail.MailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds when a mail server is configured ({@code spring.mail.host}).
 * A failed message is retried with growing pauses; without a server messages stay in the outbox.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OutboxSender(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record Pending(UUID practiceId, UUID messageId, String recipient, String subject, String body,
			int attempts) {
	}

	@Scheduled(fixedDelayString = "${rapport.mail.send-interval:PT5S}")
	void sendPending() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return;
		}
		List<Pending> batch = jdbc.sql("""
				select practice_id, message_id, recipient, subject, body, attempts from outbox_message
				where sent_at is null and next_attempt_at <= now() order by next_attempt_at limit 50""")
			.query(Pending.class)
			.list();
		for (Pending message : batch) {
			send(sender, message);
		}
	}

	private void send(JavaMailSender sender, Pending message) {
		var mail = new SimpleMailMessage();
		mail.setFrom(settings.from());
		mail.setTo(message.recipient());
		mail.setSubject(message.subject());
		mail.setText(message.body());
		try {
			sender.send(mail);
			mark(message, null);
		}
		catch (RuntimeException ex) {
			log.warn("Could not send message {} yet: {}", message.messageId(), ex.getMessage());
			mark(message, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		}
	}

	private void mark(Pending message, @org.jspecify.annotations.Nullable String error) {
		var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int attempts = message.attempts() + 1;
		Duration pause = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts, 7)));
		transactions.executeWithoutResult(tx -> jdbc.sql("""
				update outbox_message set attempts = :attempts, last_error = :error,
				    sent_at = case when cast(:error as text) is null then :now else null end,
				    next_attempt_at = :next
				where practice_id = :p and message_id = :id""")
			.param("attempts", attempts)
			.param("error", error)
			.param("now", now)
			.param("next", now.plus(pause))
			.param("p", message.practiceId())
			.param("id", message.messageId())
			.update());
	}

}
