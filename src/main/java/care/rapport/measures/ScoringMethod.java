package care.rapport.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How item scores combine into a total. A SUM is an exact whole number. A MEAN is rounded half-up to
 * one decimal, and every judgement (band, clinical range, change) is made on that rounded value, so
 * the number staff see and the way it is classified never disagree.
 */
public enum ScoringMethod {

	SUM, MEAN;

	private static final BigDecimal TENTH = new BigDecimal("0.1");

	/** Combines item scores (already reverse-scored where needed); the list must not be empty. */
	public BigDecimal combine(List<Integer> itemScores) {
		if (itemScores.isEmpty()) {
			throw new IllegalArgumentException("nothing to combine");
		}
		BigDecimal sum = BigDecimal.valueOf(itemScores.stream().mapToLong(Integer::longValue).sum());
		return this == SUM ? sum : sum.divide(BigDecimal.valueOf(itemScores.size()), 1, RoundingMode.HALF_UP);
	}

	/** The smallest step between two possible totals: 1 for a SUM, 0.1 for a MEAN. */
	public BigDecimal resolution() {
		return this == SUM ? BigDecimal.ONE : TENTH;
	}

}
