package care.rapport.identity.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import care.rapport.identity.RapportUser;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.practice.Practices;
import org.springframework.stereotype.Component;

/**
 * Tells a person by e-mail when their sign-in changes, so a change they did not make does not go
 * unnoticed. The e-mails name what changed and when, never a secret.
 */
@Component
public class SecurityNotices {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm (zzz)",
			Locale.CANADA);

	private final Outbox outbox;

	private final MailSettings mail;

	private final Practices practices;

	private final Clock clock;

	SecurityNotices(Outbox outbox, MailSettings mail, Practices practices, Clock clock) {
		this.outbox = outbox;
		this.mail = mail;
		this.practices = practices;
		this.clock = clock;
	}

	public void passwordChanged(RapportUser user) {
		tell(user, "Your Rapport password was changed", "The password of your Rapport account was changed");
	}

	public void authenticatorReplaced(RapportUser user) {
		tell(user, "Your Rapport sign-in app was changed",
				"A new authenticator app was set up for your Rapport account and new recovery codes were made; "
						+ "the earlier app and codes no longer work");
	}

	public void recoveryCodesReplaced(RapportUser user) {
		tell(user, "New Rapport recovery codes were made",
				"New recovery codes were made for your Rapport account; the earlier ones no longer work");
	}

	private void tell(RapportUser user, String subject, String what) {
		var zone = practices.get(user.practiceId()).timeZone();
		outbox.enqueue(user.practiceId(), user.email(), subject, """
				Hello %s,

				%s on %s. Rapport signed you out everywhere else.

				If that was you, there is nothing to do. If it was not, tell %s right away, and sign in to
				change your password: %s/account/security
				""".formatted(user.displayName(), what, WHEN.format(clock.instant().atZone(zone)), user.practiceName(),
				mail.baseUrl()), user.id().value());
	}

}
