package care.rapport.measures;

import care.rapport.practice.Refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers that cannot be scored. Nothing is scored when this is thrown; {@link #problems()} says what
 * is wrong with each item, so a form can mark each field.
 */
public class InvalidAnswersException extends Refusal {

	private final String instrumentCode;

	private final Map<String, String> problems;

	public InvalidAnswersException(String instrumentCode, Map<String, String> problems) {
		super("INVALID_ANSWERS", problems.keySet().stream().findFirst().orElse(null), "Answers to " + instrumentCode + " cannot be scored: " + problems.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining("; ")));
		this.instrumentCode = instrumentCode;
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	public String instrumentCode() {
		return instrumentCode;
	}

	/**
	 * Item id to what is wrong with its answer, in item order, e.g.
	 * {@code q9 → "4 is not one of the answers (0–3)"}; unknown item ids come last.
	 */
	public Map<String, String> problems() {
		return problems;
	}

}
