package care.rapport.mail;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether staff may read the outbox in the browser. By setting ({@code RAPPORT_OUTBOX_PAGE}); unset,
 * only while the demo practice is on and no mail server is set, because that is the one case where
 * nobody could otherwise open an invitation: a real practice gets its e-mail by SMTP.
 */
@Component
public class OutboxPage {

	private final boolean enabled;

	private final boolean bySetting;

	OutboxPage(MailSettings settings, Environment environment) {
		this.bySetting = settings.outboxPage() != null;
		this.enabled = bySetting ? settings.outboxPage() : demoOn(environment) && noMailServer(environment);
	}

	/** The demo's own rule (see {@code DemoSettings}): by setting, else with the embedded database only. */
	private static boolean demoOn(Environment environment) {
		String demo = environment.getProperty("rapport.demo.enabled", "");
		return demo.isBlank() ? environment.getProperty("rapport.db.url", "").isBlank() : Boolean.parseBoolean(demo);
	}

	private static boolean noMailServer(Environment environment) {
		return environment.getProperty("spring.mail.host", "").isBlank();
	}

	public boolean enabled() {
		return enabled;
	}

	/** Why the page is there, for a line on the page itself. */
	public String reason() {
		return bySetting ? "It is switched on by the RAPPORT_OUTBOX_PAGE setting."
				: "It is on because this Rapport runs the demo practice without a mail server.";
	}

}
