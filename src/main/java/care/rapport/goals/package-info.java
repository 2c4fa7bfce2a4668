/**
 * Goals in the client's own words, rated by the client at each session; the client's coping plan
 * ("what helps me"); and commitments either side makes between sessions, checked at the next one.
 * Depends on clients and scheduling, never on feedback, so feedback may one day draw these lines.
 */
@NullMarked
@ApplicationModule(displayName = "Goals")
package care.rapport.goals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
