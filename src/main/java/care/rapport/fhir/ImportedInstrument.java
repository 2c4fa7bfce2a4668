package care.rapport.fhir;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One instrument a practice imported, as listed to its staff.
 *
 * @param importedBy the name of the admin who imported it, none if their account is gone
 */
public record ImportedInstrument(String code, int version, String title, Instant importedAt,
		@Nullable String importedBy) {
}
