package care.rapport.identity.web;

import jakarta.validation.constraints.Email;
import org.jspecify.annotations.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What someone founding a practice types. The password is checked by the password policy. */
record SignupForm(@NotBlank(message = "Give the practice a name.") @Size(max = 120) String practiceName,
		@NotBlank(message = "Choose the practice's time zone.") String timeZone,
		@NotBlank(message = "Choose where the practice works.") String jurisdiction,
		@NotBlank(message = "Tell us your name.") @Size(max = 120) String displayName,
		@NotBlank(message = "Enter your e-mail address.") @Email(message = "Enter a valid e-mail address.") String email,
		String password, @Nullable Boolean alsoTherapist) {

	/** A field left out of the post counts as empty, so validation, not a crash, answers it. */
	SignupForm {
		practiceName = orEmpty(practiceName);
		timeZone = orEmpty(timeZone);
		jurisdiction = orEmpty(jurisdiction);
		displayName = orEmpty(displayName);
		email = orEmpty(email);
		password = orEmpty(password);
		alsoTherapist = Boolean.TRUE.equals(alsoTherapist);
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	static SignupForm empty() {
		return new SignupForm("", "America/Vancouver", "British Columbia, Canada", "", "", "", true);
	}

}
