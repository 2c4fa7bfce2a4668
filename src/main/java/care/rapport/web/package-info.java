/** Layout, home pages per role, error pages. */
@NullMarked
@ApplicationModule(displayName = "Web")
package care.rapport.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
