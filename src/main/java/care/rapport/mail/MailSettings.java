package care.rapport.mail;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from sender address of every message ({@code RAPPORT_MAIL_FROM})
 * @param baseUrl address of Rapport as people reach it, for links in messages ({@code RAPPORT_BASE_URL})
 * @param outboxPage whether staff may read the outbox in the browser; unset means "only with the
 * embedded database", where no mail server is expected ({@code RAPPORT_OUTBOX_PAGE})
 */
@ConfigurationProperties("rapport.mail")
public record MailSettings(String from, String baseUrl, @Nullable Boolean outboxPage) {
}
