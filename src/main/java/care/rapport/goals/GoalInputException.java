package care.rapport.goals;

import care.rapport.practice.Refusal;

/**
 * What the person wrote or chose cannot be stored; nothing was. {@code field} names the form field
 * so the page can put the message next to it and keep what was typed.
 */
public class GoalInputException extends Refusal {

	public GoalInputException(String field, String message) {
		super("INVALID", field, message);
	}

	/** The text stripped, or an exception when it is empty or longer than {@code max} characters. */
	static String text(String field, String text, int max, String whenEmpty) {
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			throw new GoalInputException(field, whenEmpty);
		}
		int length = stripped.codePointCount(0, stripped.length());
		if (length > max) {
			throw new GoalInputException(field,
					"Please keep it to " + max + " characters; this is " + length + ". Your text is kept below.");
		}
		return stripped;
	}

	/** A rating as typed or chosen: a whole number from 0 to 10. */
	public static int rating(String field, String value) {
		String stripped = value.strip();
		if (stripped.matches("\\d{1,2}") && Integer.parseInt(stripped) <= 10) {
			return Integer.parseInt(stripped);
		}
		throw new GoalInputException(field, "Choose a number from 0 (not at all) to 10 (fully there).");
	}

}
