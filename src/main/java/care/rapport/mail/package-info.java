/**
 * Outgoing e-mail through an outbox table: written with the change that causes it, sent by SMTP
 * afterwards, retried until it goes, so no message is lost.
 */
@NullMarked
@ApplicationModule(displayName = "Mail")
package care.rapport.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
