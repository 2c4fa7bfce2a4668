/**
 * Secure messages between a client and their therapist: one thread per client, text and files
 * encrypted at rest, read marks, unread counts, e-mail notices without content. Messaging follows
 * the client's consent and the therapist's switch; the supervisor may read (audited) but does not
 * write; admins never see messages.
 */
@NullMarked
@ApplicationModule(displayName = "Messaging")
package care.rapport.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
