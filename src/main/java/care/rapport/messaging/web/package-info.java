/** Message pages for the client portal and the care team, the therapist's inbox and file downloads. */
@NullMarked
package care.rapport.messaging.web;

import org.jspecify.annotations.NullMarked;
