/**
 * Appointments: the one notion of a session in Rapport. Measures hang off them; attendance
 * numbers the sessions of an episode.
 */
@NullMarked
@ApplicationModule(displayName = "Scheduling")
package care.rapport.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
