/**
 * Session notes: a progress note per session in a template (SOAP, DAP, BIRP or free text), saved
 * as a draft while the therapist types, then signed (SHA-256 of its text) and locked; addenda after
 * signing; co-signature by the supervisor of a supervised therapist. Psychotherapy (process) notes
 * are kept apart, readable by their author alone. All text is encrypted at rest. Depends on
 * clients and scheduling (the session a note is about), never the other way round: the sessions
 * page shows each note's state through {@code scheduling.SessionColumn}.
 */
@NullMarked
@ApplicationModule(displayName = "Notes",
		allowedDependencies = { "audit", "clients", "identity", "practice", "scheduling" })
package care.rapport.notes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
