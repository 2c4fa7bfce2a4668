package care.rapport.measures;

import java.math.BigDecimal;
import java.util.Objects;

/** A range of totals with a name, e.g. 10–14 "Moderate"; both ends are inclusive. */
public record SeverityBand(BigDecimal from, BigDecimal to, String label) {

	public SeverityBand {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(label, "label");
	}

	public boolean contains(BigDecimal total) {
		return from.compareTo(total) <= 0 && total.compareTo(to) <= 0;
	}

}
