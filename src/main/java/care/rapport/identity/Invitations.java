package care.rapport.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.Actor;
import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import care.rapport.practice.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by e-mail: the only way into a practice besides founding one. A link works once
 * and for {@link #VALID_FOR}; only a hash of its token is stored.
 */
@Service
public class Invitations {

	public static final Duration VALID_FOR = Duration.ofHours(72);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final MailSettings mail;

	private final Practices practices;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(JdbcClient jdbc, Outbox outbox, MailSettings mail, Practices practices, Accounts accounts,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.mail = mail;
		this.practices = practices;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** An invitation as the person holding its link sees it. */
	public record Invitation(PracticeId practiceId, UUID id, String email, String displayName, Role role,
			@Nullable UUID subjectId, UserId invitedBy, Instant expiresAt, @Nullable Instant acceptedAt,
			String practiceName) {

		public Status statusAt(Instant now) {
			if (acceptedAt != null) {
				return Status.USED;
			}
			return now.isAfter(expiresAt) ? Status.EXPIRED : Status.OPEN;
		}

	}

	public enum Status {

		OPEN, USED, EXPIRED

	}

	/**
	 * Invites someone and queues the e-mail with their link.
	 * @return the link, which is also in the outbox
	 */
	@Transactional
	public String invite(PracticeId practiceId, String email, String displayName, Role role, @Nullable UUID subjectId,
			Actor invitedBy) {
		String token = Tokens.newToken();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into invitation (practice_id, invitation_id, email, display_name, role, subject_id, token_hash,
				    invited_by, created_at, expires_at)
				values (:p, :id, :email, :name, :role, :subject, :hash, :by, :now, :expires)""")
			.param("p", practiceId.value())
			.param("id", Ids.next())
			.param("email", Accounts.normalizeEmail(email))
			.param("name", displayName.strip())
			.param("role", role.name())
			.param("subject", subjectId)
			.param("hash", Tokens.hash(token))
			.param("by", invitedBy.userId())
			.param("now", utc(now))
			.param("expires", utc(now.plus(VALID_FOR)))
			.update();
		String practiceName = practices.get(practiceId).name();
		String link = mail.baseUrl() + "/invitations/" + token;
		outbox.enqueue(practiceId, Accounts.normalizeEmail(email), "Your invitation to " + practiceName, """
				Hello %s,

				%s has invited you to join %s on Rapport as a %s.

				Open this link to set your password and sign in. It works once, for 72 hours:
				%s

				If you did not expect this message, you can ignore it.
				""".formatted(displayName.strip(), invitedBy.name(), practiceName, role.label().toLowerCase(), link),
				invitedBy.userId());
		audit.record(new AuditEntry(practiceId, invitedBy, AuditAction.INVITATION_SENT,
				role == Role.CLIENT ? subjectId : null, "Invited a " + role.label().toLowerCase() + " by e-mail"));
		return link;
	}

	public Optional<Invitation> findByToken(String token) {
		return jdbc.sql("""
				select i.practice_id, i.invitation_id, i.email, i.display_name, i.role, i.subject_id, i.invited_by,
				       i.expires_at, i.accepted_at, p.name
				from invitation i join practice p on p.practice_id = i.practice_id
				where i.token_hash = :hash""")
			.param("hash", Tokens.hash(token))
			.query((rs, n) -> new Invitation(new PracticeId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
					new UserId(rs.getObject(7, UUID.class)), rs.getObject(8, OffsetDateTime.class).toInstant(),
					rs.getObject(9, OffsetDateTime.class) == null ? null
							: rs.getObject(9, OffsetDateTime.class).toInstant(),
					rs.getString(10)))
			.optional();
	}

	public Status status(Invitation invitation) {
		return invitation.statusAt(clock.instant());
	}

	/**
	 * Accepts an open invitation: creates the account with the chosen password, or, if the e-mail
	 * already has an account, checks its password, then adds the membership.
	 * @throws InvitationException when the link is used or expired, or the existing password is wrong
	 */
	@Transactional
	public UserId accept(String token, String password) {
		Invitation invitation = findByToken(token).orElseThrow(() -> new InvitationException(Status.EXPIRED));
		// Marking it used first, under the row lock, makes a double submit create one account.
		int claimed = jdbc.sql("""
				update invitation set accepted_at = :now
				where token_hash = :hash and accepted_at is null and expires_at >= :now""")
			.param("now", utc(clock.instant()))
			.param("hash", Tokens.hash(token))
			.update();
		if (claimed == 0) {
			throw new InvitationException(status(invitation));
		}
		UserId user = accounts.findByEmail(invitation.email()).map(existing -> {
			if (!accounts.passwordMatches(existing, password)) {
				throw new InvitationException(Status.OPEN);
			}
			return existing;
		}).orElseGet(() -> accounts.register(invitation.email(), invitation.displayName(), password));
		jdbc.sql("update invitation set accepted_user = :u where token_hash = :hash")
			.param("u", user.value())
			.param("hash", Tokens.hash(token))
			.update();
		accounts.grant(invitation.practiceId(), user, invitation.role());
		audit.record(new AuditEntry(invitation.practiceId(),
				new Actor(user.value(), invitation.displayName(), invitation.role().name()),
				AuditAction.INVITATION_ACCEPTED, invitation.role() == Role.CLIENT ? invitation.subjectId() : null,
				"Accepted the invitation and set a password"));
		events.publishEvent(
				new InvitationAccepted(invitation.practiceId(), user, invitation.role(), invitation.subjectId()));
		return user;
	}

	/**
	 * Sends a fresh link to the address an expired or used invitation was for. The new link goes to
	 * that address only, so whoever holds the old link gains nothing.
	 */
	@Transactional
	public void renew(String token) {
		findByToken(token).filter(i -> status(i) == Status.EXPIRED).ifPresent(old -> {
			var inviter = accounts.member(old.practiceId(), old.invitedBy())
				.map(m -> new Actor(m.id().value(), m.displayName(), "SYSTEM"))
				.orElse(Actor.SYSTEM);
			invite(old.practiceId(), old.email(), old.displayName(), old.role(), old.subjectId(), inviter);
		});
	}

	/** Whether the account already exists for this invitation's address (then its password is asked). */
	public boolean accountExists(Invitation invitation) {
		return accounts.exists(invitation.email());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Why an invitation could not be accepted. */
	public static class InvitationException extends RuntimeException {

		private final Status status;

		InvitationException(Status status) {
			super("Invitation " + status);
			this.status = status;
		}

		/** USED or EXPIRED for a dead link; OPEN when the link is fine but the password was wrong. */
		public Status status() {
			return status;
		}

	}

}
