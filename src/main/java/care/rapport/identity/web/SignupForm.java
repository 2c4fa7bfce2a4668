package care.rapport.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What someone founding a practice types. The password is checked by the password policy. */
record SignupForm(@NotBlank(message = "Give the practice a name.") @Size(max = 120) String practiceName,
		@NotBlank(message = "Choose the practice's time zone.") String timeZone,
		@NotBlank(message = "Choose where the practice works.") String jurisdiction,
		@NotBlank(message = "Tell us your name.") @Size(max = 120) String displayName,
		@NotBlank(message = "Enter your e-mail address.") @Email(message = "Enter a valid e-mail address.") String email,
		String password, boolean alsoTherapist) {

	static SignupForm empty() {
		return new SignupForm("", "America/Vancouver", "British Columbia, Canada", "", "", "", true);
	}

}
