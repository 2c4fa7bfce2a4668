package care.rapport.mail;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Whether staff may read the outbox in the browser: by setting, else only with the embedded database. */
@Component
public class OutboxPage {

	private final boolean enabled;

	OutboxPage(MailSettings settings, Environment environment) {
		String dbUrl = environment.getProperty("rapport.db.url", "");
		this.enabled = settings.outboxPage() != null ? settings.outboxPage() : dbUrl.isBlank();
	}

	public boolean enabled() {
		return enabled;
	}

}
