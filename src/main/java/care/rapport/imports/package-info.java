/**
 * Importing measurement history from before the practice used Rapport: a CSV file, checked in full
 * first (a dry run names every row's errors), then recorded in one transaction through the live
 * pipeline (scoring, trajectories, alert rules), session by session. Its own module because it
 * drives several others (clients, scheduling, measures) that must not depend on each other for it.
 */
@NullMarked
@ApplicationModule(displayName = "History import")
package care.rapport.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
