package care.rapport.scheduling.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.UserId;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * E-mails about changes to sessions, queued in the caller's transaction so they go only if the
 * change is kept. They give times and a link, never a client's name or words: mail is not private.
 * Clients get them, reminders included, only when they prefer e-mail.
 */
@Component
public class SessionNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mm a z",
			Locale.CANADA);

	private final Outbox outbox;

	private final Clients clients;

	private final Accounts accounts;

	private final Practices practices;

	private final MailSettings mail;

	SessionNotices(Outbox outbox, Clients clients, Accounts accounts, Practices practices, MailSettings mail) {
		this.outbox = outbox;
		this.clients = clients;
		this.accounts = accounts;
		this.practices = practices;
		this.mail = mail;
	}

	public void requested(PracticeId practice, UserId therapist) {
		accounts.member(practice, therapist)
			.ifPresent(member -> outbox.enqueue(practice, member.email(), "A client asked for a session", """
					Hello %s,

					A client asked for a session. Accept or decline it in Rapport: %s/app/requests
					""".formatted(member.displayName(), mail.baseUrl())));
	}

	public void answered(PracticeId practice, ClientId client, Instant startsAt, boolean booked) {
		toClient(practice, client, booked ? "Your session is booked" : "About the session you asked for",
				booked ? "Your session on %s is booked.".formatted(when(practice, startsAt))
						: "Your therapist could not offer the time you asked for (%s). Their answer is in Rapport."
							.formatted(when(practice, startsAt)));
	}

	/** @return whether a reminder was queued (the client prefers e-mail) */
	public boolean reminder(PracticeId practice, ClientId client, Instant startsAt, @Nullable String telehealthUrl) {
		return toClient(practice, client, "Reminder: your session on " + when(practice, startsAt),
				"This is a reminder of your session with %s on %s.%s".formatted(practices.get(practice).name(),
						when(practice, startsAt), telehealthUrl == null ? "" : "\nJoin by video: " + telehealthUrl));
	}

	public void rescheduled(PracticeId practice, ClientId client, Instant from, Instant to) {
		toClient(practice, client, "Your session has moved",
				"Your session on %s has moved to %s.".formatted(when(practice, from), when(practice, to)));
	}

	private boolean toClient(PracticeId practice, ClientId client, String subject, String message) {
		var contact = clients.contactOf(practice, client).orElse(null);
		if (contact == null || !contact.preference().equals("EMAIL")) {
			return false;
		}
		outbox.enqueue(practice, contact.email(), subject, """
				Hello %s,

				%s
				See your sessions at %s/me/sessions. If you need to change anything, please contact the practice.
				""".formatted(contact.displayName(), message, mail.baseUrl()));
		return true;
	}

	private String when(PracticeId practice, Instant instant) {
		return WHEN.format(instant.atZone(practices.get(practice).timeZone()));
	}

}
