package care.rapport.measures;

import java.util.Objects;

/** One answer a client can give to an item: the value scored and the words shown. */
public record AnswerOption(int value, String label) {

	public AnswerOption {
		Objects.requireNonNull(label, "label");
	}

}
