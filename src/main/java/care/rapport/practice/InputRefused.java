package care.rapport.practice;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/** A form value that cannot be read as what it should be (a number, a date), refused at its field. */
public class InputRefused extends Refusal {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String NOT_A_NUMBER = "NOT_A_NUMBER";

	public InputRefused(String code, @Nullable String field, String message) {
		super(code, field, message);
	}

	/**
	 * A whole number typed in a form, or a refusal at that field naming what was typed: for
	 * number fields bound as text, so that "5O" comes back in the form instead of a bare 400 page.
	 */
	public static int wholeNumber(String field, String typed, String label) {
		String stripped = typed.strip();
		if (stripped.matches("-?\\d{1,9}")) {
			return Integer.parseInt(stripped);
		}
		throw new InputRefused(NOT_A_NUMBER, field,
				stripped.isEmpty() ? "Enter the " + label + " as a number."
						: "\u201c" + stripped + "\u201d is not a number; enter the " + label + " in digits, such as 50.");
	}

}
