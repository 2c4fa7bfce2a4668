/**
 * Feedback on progress: expected trajectories per intake severity, and the alert rules that flag a
 * client at risk, deteriorating, off track, with a strained alliance, not changing, or no longer
 * completing measures.
 * <p>
 * The trajectory and alert types here are pure and deterministic: they take plain records and
 * numbers, so they run without a database and are tested as plain unit and property tests.
 */
@NullMarked
@ApplicationModule(displayName = "Feedback")
package care.rapport.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
