package care.rapport.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Formats numbers the way therapists read them in alert reasons and provenance notes. */
final class Scores {

	/**
	 * Score comparisons allow this much floating-point slack, so that a change of exactly the
	 * threshold (9.7 − 8.7, say) counts as reaching it instead of falling short by a rounding error.
	 */
	static final double SLACK = 1e-9;

	private Scores() {
	}

	/** One decimal at most, no trailing ".0": totals are usually whole numbers and read best that way. */
	static String format(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
		if (rounded.signum() == 0) {
			return "0";
		}
		return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
	}

	/** A change with its sign, using a true minus sign as pages and e-mails show it: "+7", "−1.5", "0". */
	static String signed(double change) {
		String magnitude = format(Math.abs(change));
		if ("0".equals(magnitude)) {
			return "0";
		}
		return (change > 0 ? "+" : "\u2212") + magnitude;
	}

	/** "5", "5 and 6", "4, 5 and 6". */
	static String sessions(List<Integer> sessions) {
		if (sessions.size() == 1) {
			return Integer.toString(sessions.get(0));
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < sessions.size(); i++) {
			if (i > 0) {
				text.append(i == sessions.size() - 1 ? " and " : ", ");
			}
			text.append(sessions.get(i));
		}
		return text.toString();
	}

	/** Small counts in words ("two"), larger ones in digits, as in "the last two times it was due". */
	static String count(int n) {
		return switch (n) {
			case 1 -> "one";
			case 2 -> "two";
			case 3 -> "three";
			case 4 -> "four";
			case 5 -> "five";
			default -> Integer.toString(n);
		};
	}

}
