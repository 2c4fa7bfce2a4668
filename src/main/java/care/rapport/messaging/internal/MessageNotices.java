package care.rapport.messaging.internal;

import care.rapport.clients.Client;
import care.rapport.identity.Accounts;
import care.rapport.identity.UserId;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.messaging.MessageId;
import care.rapport.practice.CrisisResources;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.springframework.stereotype.Component;

/**
 * Tells the other side by e-mail that a message is waiting, without its text, the sender's name or
 * anything clinical: e-mail is not private. One notice while messages wait unread: a second
 * message before the first is opened sends nothing, so a busy thread does not flood an inbox.
 */
@Component
public class MessageNotices {

	static final String SUBJECT = "You have a new message in Rapport";

	private final MessageStore store;

	private final Outbox outbox;

	private final Accounts accounts;

	private final MailSettings mail;

	private final Practices practices;

	MessageNotices(MessageStore store, Outbox outbox, Accounts accounts, MailSettings mail, Practices practices) {
		this.store = store;
		this.outbox = outbox;
		this.accounts = accounts;
		this.mail = mail;
		this.practices = practices;
	}

	/**
	 * Serialises sends to the recipient of a message about to be written in this thread; call
	 * before storing it, in the same transaction as {@link #afterSending}.
	 */
	public void lockRecipient(Client client, boolean fromClient) {
		store.lockRecipient(fromClient ? client.therapistId() : client.id().value());
	}

	/** Queues a notice for the recipient of a message just stored, unless unread ones already wait. */
	public void afterSending(PracticeId practice, Client client, boolean fromClient, MessageId message) {
		if (fromClient) {
			UserId therapist = new UserId(client.therapistId());
			if (store.unreadForTherapistExcept(practice, therapist, message) == 0) {
				accounts.member(practice, therapist)
					.ifPresent(member -> outbox.enqueue(practice, member.email(), SUBJECT,
							body(mail.baseUrl() + "/app/messages", "")));
			}
		}
		else if (client.portalAccount() && store.unreadForClientExcept(practice, client.id(), message) == 0) {
			outbox.enqueue(practice, client.email(), SUBJECT,
					body(mail.baseUrl() + "/me/messages", crisisLines(practices.crisisResources(practice))));
		}
	}

	private static String body(String link, String crisis) {
		return """
				Hello,

				You have a new message in Rapport. To read it, sign in:
				%s

				For your privacy, this e-mail does not contain the message. You will not get another e-mail
				about new messages until you have read this one.
				%s""".formatted(link, crisis);
	}

	/** The practice's crisis lines, because a client may be reading this at a bad moment. */
	private static String crisisLines(CrisisResources crisis) {
		StringBuilder text = new StringBuilder("\nMessages are not for emergencies. If you are in crisis:\n");
		crisis.lines().forEach(line -> text.append("- ").append(line.name()).append(": ").append(line.action()).append('\n'));
		return text.toString();
	}

}
