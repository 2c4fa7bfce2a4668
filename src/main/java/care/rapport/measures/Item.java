package care.rapport.measures;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One question. A reversed item is scored as {@code lowest + highest - answer}, so that all items of
 * an instrument point the same way. The contract of the query methods holds once the item is part of
 * a valid {@link InstrumentDefinition} (answers present, values distinct, reversed values mirrored).
 *
 * @param id stable identifier within the instrument, used as the form field name and answer key
 * @param loinc the LOINC code of this item, where one is known
 */
public record Item(String id, String text, List<AnswerOption> answers, boolean reversed, @Nullable String loinc) {

	public Item {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
		answers = List.copyOf(answers);
	}

	public int lowestValue() {
		return answers.stream().mapToInt(AnswerOption::value).min().orElseThrow();
	}

	public int highestValue() {
		return answers.stream().mapToInt(AnswerOption::value).max().orElseThrow();
	}

	public boolean accepts(int value) {
		return option(value).isPresent();
	}

	public Optional<AnswerOption> option(int value) {
		return answers.stream().filter(a -> a.value() == value).findFirst();
	}

	/** The value mirrored within the item's range: {@code lowest + highest - value}. */
	public int mirrored(int value) {
		return lowestValue() + highestValue() - value;
	}

	/** What an answer contributes to the total: the answer itself, or its mirror for a reversed item. */
	public int scoredValue(int answer) {
		return reversed ? mirrored(answer) : answer;
	}

	/** The accepted values for messages: "0–3" when they run without gaps, else "0, 1, 3". */
	String acceptedValuesInWords() {
		List<Integer> values = answers.stream().map(AnswerOption::value).sorted().toList();
		boolean runs = values.size() > 1 && values.get(values.size() - 1) - values.get(0) == values.size() - 1;
		return runs ? values.get(0) + "–" + values.get(values.size() - 1)
				: values.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

}
