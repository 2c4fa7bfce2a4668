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
			@Nullable Instant declinedAt, String practiceName) {

		public Status statusAt(Instant now) {
			if (acceptedAt != null) {
				return Status.USED;
			}
			if (declinedAt != null) {
				return Status.DECLINED;
			}
			return now.isAfter(expiresAt) ? Status.EXPIRED : Status.OPEN;
		}

	}

	public enum Status {

		OPEN, USED, DECLINED, EXPIRED

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
				       i.expires_at, i.accepted_at, i.declined_at, p.name
				from invitation i join practice p on p.practice_id = i.practice_id
				where i.token_hash = :hash""")
			.param("hash", Tokens.hash(token))
			.query((rs, n) -> new Invitation(new PracticeId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getObject(6, UUID.class),
					new UserId(rs.getObject(7, UUID.class)), rs.getObject(8, OffsetDateTime.class).toInstant(),
					rs.getObject(9, OffsetDateTime.class) == null ? null
							: rs.getObject(9, OffsetDateTime.class).toInstant(),
					rs.getObject(10, OffsetDateTime.class) == null ? null
							: rs.getObject(10, OffsetDateTime.class).toInstant(),
					rs.getString(11)))
			.optional();
	}

	public Status status(Invitation invitation) {
		return invitation.statusAt(clock.instant());
	}

	/** What became of a new password typed on an invitation page; both answers look the same to the typist. */
	public enum NewAccountOutcome {

		/** The account was made with that password and joined the practice. */
		CREATED,
		/** The address already had an account: nothing changed, and its owner was told by e-mail how to join. */
		OWNER_TOLD

	}

	/**
	 * Accepts an open invitation by making an account with the chosen password. If the address
	 * already has an account, nothing changes: that account joins only after a normal sign-in
	 * ({@link #join}), and its owner gets an e-mail saying so. The page answers the same either
	 * way and the time taken is similar (one bcrypt hash in both), so it reveals no account.
	 * @throws InvitationException when the link is used, declined or expired
	 */
	@Transactional
	public NewAccountOutcome acceptWithNewAccount(String token, String password) {
		Invitation invitation = open(token);
		var existing = accounts.findByEmail(invitation.email());
		if (existing.isPresent()) {
			accounts.encode(password);
			tellOwnerToSignIn(invitation, token);
			return NewAccountOutcome.OWNER_TOLD;
		}
		claim(invitation, token);
		UserId user = accounts.register(invitation.email(), invitation.displayName(), password);
		admit(invitation, token, user, "Accepted the invitation and set a password");
		return NewAccountOutcome.CREATED;
	}

	/**
	 * The invited person, signed in with their existing account (password, lock-out and second
	 * factor passed), chooses to join the inviting practice.
	 * @throws InvitationException when the link is used, declined or expired
	 * @throws IllegalArgumentException when the account is not the one invited
	 */
	@Transactional
	public void join(String token, RapportUser person) {
		Invitation invitation = invitedAs(token, person);
		claim(invitation, token);
		admit(invitation, token, person.id(), "Joined with an existing account after signing in ("
				+ person.practiceName() + ")");
	}

	/** The invited person, signed in, says no: the link stops working and the inviting practice sees why. */
	@Transactional
	public void decline(String token, RapportUser person) {
		Invitation invitation = invitedAs(token, person);
		int declined = jdbc.sql("""
				update invitation set declined_at = :now
				where token_hash = :hash and accepted_at is null and declined_at is null and expires_at >= :now""")
			.param("now", utc(clock.instant()))
			.param("hash", Tokens.hash(token))
			.update();
		if (declined == 0) {
			throw new InvitationException(status(invitation));
		}
		audit.record(new AuditEntry(invitation.practiceId(),
				new Actor(person.id().value(), invitation.displayName(), invitation.role().name()),
				AuditAction.INVITATION_DECLINED, invitation.role() == Role.CLIENT ? invitation.subjectId() : null,
				"Declined the invitation after signing in"));
	}

	/** Whether a signed-in person is the one an invitation is for (same e-mail address). */
	public static boolean isFor(Invitation invitation, RapportUser person) {
		return Accounts.normalizeEmail(invitation.email()).equals(Accounts.normalizeEmail(person.email()));
	}

	private Invitation invitedAs(String token, RapportUser person) {
		Invitation invitation = open(token);
		if (!isFor(invitation, person)) {
			throw new IllegalArgumentException("This invitation is for another address");
		}
		return invitation;
	}

	private Invitation open(String token) {
		Invitation invitation = findByToken(token).orElseThrow(() -> new InvitationException(Status.EXPIRED));
		if (status(invitation) != Status.OPEN) {
			throw new InvitationException(status(invitation));
		}
		return invitation;
	}

	/** Marks the invitation used first, under the row lock, so a double submit creates one account. */
	private void claim(Invitation invitation, String token) {
		int claimed = jdbc.sql("""
				update invitation set accepted_at = :now
				where token_hash = :hash and accepted_at is null and declined_at is null and expires_at >= :now""")
			.param("now", utc(clock.instant()))
			.param("hash", Tokens.hash(token))
			.update();
		if (claimed == 0) {
			throw new InvitationException(status(findByToken(token).orElse(invitation)));
		}
	}

	private void admit(Invitation invitation, String token, UserId user, String detail) {
		jdbc.sql("update invitation set accepted_user = :u where token_hash = :hash")
			.param("u", user.value())
			.param("hash", Tokens.hash(token))
			.update();
		accounts.grant(invitation.practiceId(), user, invitation.role());
		audit.record(new AuditEntry(invitation.practiceId(),
				new Actor(user.value(), invitation.displayName(), invitation.role().name()),
				AuditAction.INVITATION_ACCEPTED, invitation.role() == Role.CLIENT ? invitation.subjectId() : null,
				detail));
		events.publishEvent(
				new InvitationAccepted(invitation.practiceId(), user, invitation.role(), invitation.subjectId()));
	}

	/**
	 * The owner of the address learns what happened and how to join, without the page having said
	 * that an account exists. The message is theirs alone (no one caused it on the outbox page).
	 */
	private void tellOwnerToSignIn(Invitation invitation, String token) {
		outbox.enqueue(invitation.practiceId(), Accounts.normalizeEmail(invitation.email()),
				"Your invitation to " + invitation.practiceName(), """
						Hello %s,

						Someone opened your invitation to join %s on Rapport and tried to set a new password.
						This address already has a Rapport account, so nothing was changed and no new account
						was made.

						To join %s, sign in with your existing account first, then open your invitation link
						again and choose Join:
						%s/invitations/%s

						If this was not you, you can ignore this message: your account and password are as they were.
						""".formatted(invitation.displayName(), invitation.practiceName(), invitation.practiceName(),
						mail.baseUrl(), token));
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

		/** Why the link no longer works: USED, DECLINED or EXPIRED. */
		public Status status() {
			return status;
		}

	}

}
