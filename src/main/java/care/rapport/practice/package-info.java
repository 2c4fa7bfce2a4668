/** Practices (the tenants): name, time zone and jurisdiction. */
@NullMarked
@ApplicationModule(displayName = "Practice")
package care.rapport.practice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
