/**
 * The append-only audit trail: who read or changed what, when and from where, hash-chained per
 * practice.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package care.rapport.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
