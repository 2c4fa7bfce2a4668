package care.rapport.clients;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the practice knows about a client besides the name they go by ({@link Client#displayName()}).
 * Presenting concerns are clinical: only the care team reads or writes them.
 */
public record ClientDetails(@Nullable String legalName, @Nullable String pronouns, @Nullable LocalDate dateOfBirth,
		@Nullable String phone, String contactPreference, @Nullable String emergencyContact,
		@Nullable String presentingConcerns) {

	public static final java.util.List<String> CONTACT_PREFERENCES = java.util.List.of("EMAIL", "PHONE", "TEXT", "NONE");

}
