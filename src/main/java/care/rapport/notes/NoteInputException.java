package care.rapport.notes;

import care.rapport.practice.Refusal;

import java.util.Map;

/**
 * What was posted cannot be stored; nothing was. {@code errors} maps each form field ({@code
 * section.<key>}, {@code template}, {@code text}) to its message, so the page can put each message
 * next to its field and keep what was typed.
 */
public class NoteInputException extends Refusal {

	private final Map<String, String> errors;

	public NoteInputException(Map<String, String> errors) {
		super("INVALID", errors.keySet().stream().findFirst().orElse(null), String.join(" ", errors.values()));
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}

}
