package care.rapport.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as staff read them: no trailing zeros, a true minus sign, the same in every locale. */
final class Numbers {

	private static final char MINUS = '\u2212';

	private Numbers() {
	}

	static String plain(BigDecimal n) {
		BigDecimal stripped = n.stripTrailingZeros();
		String digits = (stripped.scale() < 0 ? stripped.setScale(0) : stripped).abs().toPlainString();
		return n.signum() < 0 ? MINUS + digits : digits;
	}

	/** With an explicit sign: "+7", "−7", "0". */
	static String signed(BigDecimal n) {
		return n.signum() > 0 ? "+" + plain(n) : plain(n);
	}

	static String twoDecimals(double n) {
		return plain(BigDecimal.valueOf(n).setScale(2, RoundingMode.HALF_UP));
	}

	static String signedTwoDecimals(double n) {
		BigDecimal rounded = BigDecimal.valueOf(n).setScale(2, RoundingMode.HALF_UP);
		return signed(rounded);
	}

}
