package care.rapport.measures;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * LOINC codes end in a mod-10 check digit; checking it catches a mistyped code in a definition
 * before it reaches a FHIR export.
 */
final class LoincCheck {

	private static final Pattern SHAPE = Pattern.compile("\\d{1,7}-\\d");

	private LoincCheck() {
	}

	/** Null when the code is well formed, otherwise why not. */
	static @Nullable String problemWith(String code) {
		if (!SHAPE.matcher(code).matches()) {
			return code + " is not a LOINC code (digits, a hyphen and a check digit, e.g. 44261-6)";
		}
		String digits = code.substring(0, code.indexOf('-'));
		int expected = checkDigit(digits);
		int given = code.charAt(code.length() - 1) - '0';
		return expected == given ? null
				: code + " has a wrong check digit (" + digits + "-" + expected + " would be valid)";
	}

	/** Luhn mod 10, as LOINC specifies: double every second digit counting from the right. */
	static int checkDigit(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (10 - sum % 10) % 10;
	}

}
