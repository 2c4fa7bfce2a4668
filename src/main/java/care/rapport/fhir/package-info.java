/**
 * FHIR R4 at the edge: Rapport's instrument definitions as FHIR Questionnaires, exported for any
 * staff member and imported by practice admins as their practice's own instruments. The only module
 * that uses HAPI FHIR's model classes; it maps from the other modules' APIs.
 */
@NullMarked
@ApplicationModule(displayName = "FHIR")
package care.rapport.fhir;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
