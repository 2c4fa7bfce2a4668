package care.rapport.measures;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * When a change between two totals is more than measurement error. Either a fixed threshold (as NHS
 * Talking Therapies uses for PHQ-9 and GAD-7), or the instrument's test-retest reliability r and a
 * reference standard deviation SD, from which Jacobson &amp; Truax's standard error of the difference
 * {@code S_diff = SD · √2 · √(1 − r)} follows; a change is then reliable when
 * {@code |change / S_diff| ≥ 1.96}.
 */
public record ReliableChange(@Nullable BigDecimal threshold, @Nullable BigDecimal reliability,
		@Nullable BigDecimal referenceSd) {

	/** The two-tailed 95% critical value of the reliable change index. */
	public static final double RCI_CRITICAL_VALUE = 1.96;

	public static ReliableChange fixed(BigDecimal threshold) {
		return new ReliableChange(threshold, null, null);
	}

	public static ReliableChange fromReliability(BigDecimal reliability, BigDecimal referenceSd) {
		return new ReliableChange(null, reliability, referenceSd);
	}

	/** True when the criterion is a fixed threshold, false when it is derived from r and SD. */
	public boolean isFixed() {
		return threshold != null;
	}

	/** {@code SD · √2 · √(1 − r)}, or null for a fixed threshold. */
	public @Nullable Double standardErrorOfDifference() {
		if (reliability == null || referenceSd == null) {
			return null;
		}
		return referenceSd.doubleValue() * Math.sqrt(2) * Math.sqrt(1 - reliability.doubleValue());
	}

	/** The smallest absolute change that counts as reliable: the threshold, or 1.96 · S_diff. */
	public double minimumReliableChange() {
		Double sDiff = standardErrorOfDifference();
		return sDiff == null ? requiredThreshold().doubleValue() : RCI_CRITICAL_VALUE * sDiff;
	}

	/** The reliable change index {@code change / S_diff}, or null for a fixed threshold. */
	public @Nullable Double reliableChangeIndex(BigDecimal change) {
		Double sDiff = standardErrorOfDifference();
		return sDiff == null ? null : change.doubleValue() / sDiff;
	}

	public boolean isReliable(BigDecimal change) {
		Double rci = reliableChangeIndex(change);
		return rci == null ? change.abs().compareTo(requiredThreshold()) >= 0
				: Math.abs(rci) >= RCI_CRITICAL_VALUE;
	}

	private BigDecimal requiredThreshold() {
		if (threshold == null) {
			throw new IllegalStateException("give a threshold or reliability and referenceSd");
		}
		return threshold;
	}

}
