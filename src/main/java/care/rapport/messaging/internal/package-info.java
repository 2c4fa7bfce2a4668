/** Storage of threads, messages and attachments, and the e-mail notices; private to the messaging module. */
@NullMarked
package care.rapport.messaging.internal;

import org.jspecify.annotations.NullMarked;
