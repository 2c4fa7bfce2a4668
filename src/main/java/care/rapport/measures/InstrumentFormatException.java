package care.rapport.measures;

import java.util.List;

/**
 * An instrument definition that cannot be used. Each problem names the field it is about, e.g.
 * {@code items[3].answers: empty} or {@code bands: gap between 4 and 6}, so the author can fix them
 * all in one go.
 */
public class InstrumentFormatException extends RuntimeException {

	private final List<String> problems;

	public InstrumentFormatException(List<String> problems) {
		super("Invalid instrument definition: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/** One entry per wrong field, as {@code path: what is wrong}. */
	public List<String> problems() {
		return problems;
	}

	/** The same problems, each prefixed with where the definition came from, e.g. a file name. */
	public InstrumentFormatException from(String source) {
		return new InstrumentFormatException(problems.stream().map(p -> source + ": " + p).toList());
	}

}
