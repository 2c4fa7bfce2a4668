/** Client records: who the client is, who their therapist is, and their portal account. */
@NullMarked
@ApplicationModule(displayName = "Clients")
package care.rapport.clients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
