package care.rapport.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Writes out a {@link ChangeAssessment} for staff: the numbers, the formula with the values used and
 * the conclusion, so a reader can check the arithmetic without opening the definition.
 */
final class ChangeExplanation {

	private static final String NOT_RELIABLE = "so the change is not reliable: it could be measurement error.";

	private static final String RELIABLE = "so the change is reliable.";

	private ChangeExplanation() {
	}

	static String of(ChangeAssessment a) {
		return String.join(" ", heading(a), reliability(a), clinicalRange(a), result(a));
	}

	private static String heading(ChangeAssessment a) {
		int better = a.improvement().signum();
		String reading = better == 0 ? "no change"
				: a.direction().inWords() + ", so this is " + (better > 0 ? "an improvement" : "a worsening");
		return a.instrumentCode() + " " + Numbers.plain(a.first()) + " → " + Numbers.plain(a.latest()) + ": change "
				+ Numbers.signed(a.change()) + " (" + reading + ").";
	}

	private static String reliability(ChangeAssessment a) {
		ReliableChange rc = a.criterion();
		Double sDiff = a.standardErrorOfDifference();
		Double rci = a.reliableChangeIndex();
		if (sDiff != null && rci != null) {
			return fromReliability(a, rc, sDiff, rci);
		}
		String size = Numbers.plain(a.change().abs());
		String threshold = Numbers.plain(Objects.requireNonNull(rc.threshold()));
		return "Reliable change needs a change of at least " + threshold
				+ " either way (the instrument's fixed threshold): " + size + (a.reliable() ? " ≥ " : " < ")
				+ threshold + ", " + (a.reliable() ? RELIABLE : NOT_RELIABLE);
	}

	private static String fromReliability(ChangeAssessment a, ReliableChange rc, Double sDiff, Double rci) {
		String rounded = absoluteForComparison(rci);
		return "Reliable change index (Jacobson & Truax): S_diff = SD × √2 × √(1 − r) = "
				+ Numbers.plain(Objects.requireNonNull(rc.referenceSd())) + " × √2 × √(1 − "
				+ Numbers.plain(Objects.requireNonNull(rc.reliability())) + ") = "
				+ Numbers.twoDecimals(sDiff) + "; RCI = change ÷ S_diff = " + Numbers.signed(a.change()) + " ÷ "
				+ Numbers.twoDecimals(sDiff) + " = " + Numbers.signedTwoDecimals(rci) + "; |RCI| " + rounded
				+ (a.reliable() ? " ≥ " : " < ") + "1.96 (a change of at least "
				+ Numbers.twoDecimals(rc.minimumReliableChange()) + " either way), "
				+ (a.reliable() ? RELIABLE : NOT_RELIABLE);
	}

	/** Two decimals, or four where two would print 1.96 on the wrong side of the comparison. */
	private static String absoluteForComparison(double rci) {
		String twoDecimals = Numbers.twoDecimals(Math.abs(rci));
		boolean misleading = twoDecimals.equals("1.96") && Math.abs(rci) < ReliableChange.RCI_CRITICAL_VALUE;
		return misleading ? Numbers.plain(BigDecimal.valueOf(Math.abs(rci)).setScale(4, RoundingMode.DOWN))
				: twoDecimals;
	}

	private static String clinicalRange(ChangeAssessment a) {
		String cutOff = Numbers.plain(a.clinicalCutOff());
		String rule = a.direction() == Direction.HIGHER_IS_WORSE ? cutOff + " or more" : "below " + cutOff;
		String first = Numbers.plain(a.first());
		String latest = Numbers.plain(a.latest());
		String where;
		if (a.clinicalAtStart() && a.clinicalAtEnd()) {
			where = first + " and " + latest + " are both in it.";
		}
		else if (a.clinicalAtStart()) {
			where = first + " is in it, " + latest + " is not.";
		}
		else if (a.clinicalAtEnd()) {
			where = first + " is not in it, " + latest + " is.";
		}
		else {
			where = "neither " + first + " nor " + latest + " is in it.";
		}
		return "Clinical cut-off " + cutOff + " (" + rule + " is the clinical range): " + where;
	}

	private static String result(ChangeAssessment a) {
		return switch (a.category()) {
			case RECOVERED -> "Result: recovered (a reliable improvement that left the clinical range).";
			case IMPROVED -> a.clinicalAtEnd()
					? "Result: improved (a reliable improvement, still in the clinical range)."
					: "Result: improved (a reliable improvement; it started outside the clinical range, "
							+ "so recovery does not apply).";
			case NON_RELIABLY_RECOVERED ->
				"Result: non-reliably recovered (left the clinical range, but by less than a reliable change).";
			case UNCHANGED -> "Result: unchanged (no reliable change).";
			case DETERIORATED -> "Result: deteriorated (a reliable worsening).";
		};
	}

}
