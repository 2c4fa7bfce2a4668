package care.rapport.measures;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Reliable and clinically significant change (Jacobson &amp; Truax, 1991) between a first and a latest
 * total of one instrument. Holds its inputs; every judgement is derived from them.
 *
 * @param clinicalCutOff the instrument's cut-off; see {@link Direction#isClinical}
 */
public record ChangeAssessment(String instrumentCode, Direction direction, BigDecimal first, BigDecimal latest,
		ReliableChange criterion, BigDecimal clinicalCutOff) {

	public ChangeAssessment {
		Objects.requireNonNull(instrumentCode, "instrumentCode");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(latest, "latest");
		Objects.requireNonNull(criterion, "criterion");
		Objects.requireNonNull(clinicalCutOff, "clinicalCutOff");
	}

	/**
	 * Compares two totals of an instrument.
	 * @throws IllegalArgumentException when the instrument has no reliable-change criterion (some
	 * ALLIANCE instruments) or a total is outside the instrument's possible totals
	 */
	public static ChangeAssessment assess(InstrumentDefinition definition, double first, double latest) {
		return assess(definition, exact(first), exact(latest));
	}

	/** As {@link #assess(InstrumentDefinition, double, double)}, for totals taken from a {@link Score}. */
	public static ChangeAssessment assess(InstrumentDefinition definition, BigDecimal first, BigDecimal latest) {
		ReliableChange criterion = definition.reliableChange();
		if (criterion == null) {
			throw new IllegalArgumentException(definition.code() + " has no reliable-change criterion");
		}
		for (BigDecimal total : new BigDecimal[] { first, latest }) {
			if (!definition.isPossibleTotal(total)) {
				throw new IllegalArgumentException(definition.code() + " totals run from "
						+ Numbers.plain(definition.minTotal()) + " to " + Numbers.plain(definition.maxTotal())
						+ ", not " + Numbers.plain(total));
			}
		}
		return new ChangeAssessment(definition.code(), definition.direction(), first, latest, criterion,
				definition.clinicalCutOff());
	}

	/** Works in decimal so that e.g. 7.3 − 1.3 is exactly 6 when held against a fixed threshold. */
	private static BigDecimal exact(double total) {
		if (!Double.isFinite(total)) {
			throw new IllegalArgumentException("a total must be a finite number, not " + total);
		}
		return BigDecimal.valueOf(total);
	}

	/** {@code latest − first}. */
	public BigDecimal change() {
		return latest.subtract(first);
	}

	/** The change re-signed so that positive means better, whatever the direction. */
	public BigDecimal improvement() {
		return direction.improvement(change());
	}

	/** {@code SD · √2 · √(1 − r)} when the criterion uses reliability, else null. */
	public @Nullable Double standardErrorOfDifference() {
		return criterion.standardErrorOfDifference();
	}

	/** {@code change / S_diff} when the criterion uses reliability, else null. */
	public @Nullable Double reliableChangeIndex() {
		return criterion.reliableChangeIndex(change());
	}

	public boolean reliable() {
		return criterion.isReliable(change());
	}

	public boolean improved() {
		return reliable() && improvement().signum() > 0;
	}

	public boolean deteriorated() {
		return reliable() && improvement().signum() < 0;
	}

	public boolean clinicalAtStart() {
		return direction.isClinical(first, clinicalCutOff);
	}

	public boolean clinicalAtEnd() {
		return direction.isClinical(latest, clinicalCutOff);
	}

	/** Started in the clinical range and ended out of it, reliably or not. */
	public boolean leftClinicalRange() {
		return clinicalAtStart() && !clinicalAtEnd();
	}

	public ChangeCategory category() {
		if (deteriorated()) {
			return ChangeCategory.DETERIORATED;
		}
		if (improved()) {
			return leftClinicalRange() ? ChangeCategory.RECOVERED : ChangeCategory.IMPROVED;
		}
		return leftClinicalRange() ? ChangeCategory.NON_RELIABLY_RECOVERED : ChangeCategory.UNCHANGED;
	}

	/** For staff: the numbers, the formula used and the conclusion, in a few sentences. */
	public String explanation() {
		return ChangeExplanation.of(this);
	}

}
