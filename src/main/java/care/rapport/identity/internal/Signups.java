package care.rapport.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.Actor;
import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.Accounts;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.mail.OutboxPage;
import care.rapport.practice.Practice;
import care.rapport.practice.Practices;
import care.rapport.practice.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Founding a practice without revealing which addresses have accounts. For a new address the
 * practice and account are made, and the account gets its password once the founder opens the
 * link e-mailed to them. For an address that has an account nothing is made, and its owner is
 * told by e-mail. Both take about one bcrypt hash and the page answers the same.
 * <p>
 * Where e-mail is read on the outbox page instead of being delivered (the demo without a mail
 * server), no link could reach a founder, so the account works at once; see {@link OutboxPage}.
 */
@Service
public class Signups {

	static final Duration CONFIRM_WITHIN = Duration.ofHours(72);

	private final Practices practices;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Outbox outbox;

	private final MailSettings mail;

	private final OutboxPage outboxPage;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Clock clock;

	Signups(Practices practices, Accounts accounts, AuditLog audit, Outbox outbox, MailSettings mail,
			OutboxPage outboxPage, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
		this.practices = practices;
		this.accounts = accounts;
		this.audit = audit;
		this.outbox = outbox;
		this.mail = mail;
		this.outboxPage = outboxPage;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a founder typed, already checked. */
	public record Founding(String practiceName, ZoneId timeZone, String jurisdiction, String displayName, String email,
			String password, boolean alsoTherapist) {
	}

	/** Whether founders confirm their address by e-mail before signing in (always, unless mail is not delivered). */
	public boolean confirmsByEmail() {
		return !outboxPage.enabled();
	}

	@Transactional
	public void found(Founding founding) {
		var existing = accounts.findByEmail(founding.email());
		if (existing.isPresent()) {
			accounts.encode(founding.password());
			tellOwner(existing.get(), founding);
			return;
		}
		Practice practice = practices.create(founding.practiceName(), founding.timeZone(), founding.jurisdiction());
		String hash = accounts.encode(founding.password());
		UserId founder = accounts.registerWithHash(founding.email(), founding.displayName(),
				confirmsByEmail() ? null : hash);
		accounts.grant(practice.id(), founder, Role.PRACTICE_ADMIN);
		if (founding.alsoTherapist()) {
			accounts.grant(practice.id(), founder, Role.THERAPIST);
		}
		audit.record(AuditEntry.of(practice.id(),
				new Actor(founder.value(), founding.displayName().strip(), Role.PRACTICE_ADMIN.name()),
				AuditAction.PRACTICE_CREATED, "Created the practice " + practice.name()));
		if (confirmsByEmail()) {
			askToConfirm(practice, founder, founding, hash);
		}
	}

	/** Whether a confirmation link is one that still works. */
	public boolean pending(String token) {
		return jdbc.sql("select count(*) from signup_confirmation where token_hash = :h and expires_at >= :now")
			.param("h", Tokens.hash(token))
			.param("now", utc(clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Gives the founder's account its password once they open the link.
	 * @return the confirmed address, or empty for an unknown, used or expired link
	 */
	@Transactional
	public Optional<String> confirm(String token) {
		record Pending(UUID practiceId, UUID userId, String passwordHash, String email) {
		}
		return jdbc.sql("""
				select s.practice_id, s.user_id, s.password_hash, u.email
				from signup_confirmation s join user_account u on u.user_id = s.user_id
				where s.token_hash = :h and s.expires_at >= :now
				for update of s""")
			.param("h", Tokens.hash(token))
			.param("now", utc(clock.instant()))
			.query(Pending.class)
			.optional()
			.map(pending -> {
				jdbc.sql("update user_account set password_hash = :h where user_id = :u and password_hash is null")
					.param("h", pending.passwordHash())
					.param("u", pending.userId())
					.update();
				jdbc.sql("delete from signup_confirmation where practice_id = :p and user_id = :u")
					.param("p", pending.practiceId())
					.param("u", pending.userId())
					.update();
				return pending.email();
			});
	}

	private void askToConfirm(Practice practice, UserId founder, Founding founding, String hash) {
		String token = Tokens.newToken();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into signup_confirmation (practice_id, user_id, token_hash, password_hash, created_at, expires_at)
				values (:p, :u, :t, :h, :now, :expires)""")
			.param("p", practice.id().value())
			.param("u", founder.value())
			.param("t", Tokens.hash(token))
			.param("h", hash)
			.param("now", utc(now))
			.param("expires", utc(now.plus(CONFIRM_WITHIN)))
			.update();
		outbox.enqueue(practice.id(), Accounts.normalizeEmail(founding.email()), "Confirm your new practice on Rapport",
				"""
						Hello %s,

						You created %s on Rapport. Open this link to confirm your e-mail address; then sign in
						with the password you chose. It works once, for 72 hours:
						%s/signup/confirm/%s

						If you did not do this, ignore this message: nothing happens without the link.
						""".formatted(founding.displayName().strip(), practice.name(), mail.baseUrl(), token),
				founder.value());
	}

	/** The owner of the address learns that someone tried; the answer on the page said nothing. */
	private void tellOwner(UserId owner, Founding founding) {
		var practice = accounts.practicesOf(owner).stream().findFirst();
		audit.recordSecurityEvent(AuditAction.PRACTICE_CREATED,
				"Sign-up refused: the address already has an account; its owner was told by e-mail");
		practice.ifPresent(home -> outbox.enqueue(home, Accounts.normalizeEmail(founding.email()),
				"Someone tried to create a Rapport practice with your address", """
						Hello,

						Someone tried to create a new practice on Rapport with this e-mail address. This address
						already has a Rapport account, so no practice was created and nothing about your account
						changed.

						If it was you: sign in with your existing account at %s/login. To found another practice,
						use a different e-mail address.

						If it was not you, you can ignore this message.
						""".formatted(mail.baseUrl())));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
