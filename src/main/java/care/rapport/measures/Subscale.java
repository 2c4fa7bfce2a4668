package care.rapport.measures;

import java.util.List;
import java.util.Objects;

/** A named part of an instrument, scored from some of its items with its own method. */
public record Subscale(String name, List<String> itemIds, ScoringMethod method) {

	public Subscale {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(method, "method");
		itemIds = List.copyOf(itemIds);
	}

}
