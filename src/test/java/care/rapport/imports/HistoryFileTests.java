package care.rapport.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryFileTests {

	private static final String ROW = "1,1,1,1,1,1,1,1,0,8,0,1,0,1,0,1,0,3,9,9,8,9";

	private static final long CAP = 10L * 1024 * 1024;

	@Test
	void readsTheWideFormatSkippingEmptyInstrumentsAndTakingTotalsAlone() {
		var file = read(HistoryFile.WIDE_HEADER + "\n" + "C1,1,2024-01-08," + ROW + "\n"
				+ "C1,2,2024-01-15,,,,,,,,,,12,,,,,,,,,9,9,9,9\n");

		assertThat(file.problems()).isEmpty();
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).responses()).extracting(HistoryFile.Response::instrumentCode)
			.containsExactly("PHQ-9", "GAD-7", "CHECK-IN");
		var second = file.rows().get(1).responses();
		assertThat(second).extracting(HistoryFile.Response::instrumentCode).containsExactly("PHQ-9", "CHECK-IN");
		assertThat(second.get(0).answers()).isEmpty();
		assertThat(second.get(0).total()).isEqualByComparingTo(new BigDecimal("12"));
	}

	@Test
	void namesUnknownAndMissingColumnsInTheHeader() {
		assertThat(read(HistoryFile.WIDE_HEADER + ",mood\n").problems()).singleElement()
			.satisfies(p -> assertThat(p.line()).isEqualTo(1))
			.satisfies(p -> assertThat(p.reason()).contains("unknown columns: mood"));
		assertThat(read(HistoryFile.WIDE_HEADER.replace(",checkin_4", "") + "\n").problems()).singleElement()
			.satisfies(p -> assertThat(p.reason()).contains("missing columns: checkin_4"));
	}

	@Test
	void namesEveryBadRowAndItsReason() {
		var file = read(HistoryFile.WIDE_HEADER + "\n"
				+ ",1,2024-01-08," + ROW + "\n"                                            // line 2: no id
				+ "C2,1,2024-01-08,4,1,1,1,1,1,1,1,0,11,,,,,,,,,9,9,9,9\n"                  // 3: item 4 of 0-3
				+ "C3,1,2024-01-08,1,1,1,1,1,1,1,1,0,30,,,,,,,,,,,,\n"                     // 4: total is not the sum
				+ "C4,1,2024-02-08," + ROW + "\n" + "C4,2,2024-01-08," + ROW + "\n"         // 6: dates go back
				+ "C5,1,2024-13-40," + ROW + "\n"                                           // 7: no such date
				+ "C6,1,2024-01-08,1,1\n"                                                   // 8: short row
				+ "C7,1,2024-01-08," + ROW.replace("9,9,8,9", "9,9,8,11") + "\n");        // 9: check-in 11

		assertThat(file.valid()).isFalse();
		assertThat(file.problems()).extracting(HistoryFile.Problem::line).containsExactly(2, 3, 4, 6, 7, 8, 9);
		assertThat(file.problems().get(0).reason()).isEqualTo("The client id is missing.");
		assertThat(file.problems().get(1).reason()).contains("PHQ-9 item 1 4 is impossible (0 to 3)");
		assertThat(file.problems().get(2).reason()).contains("PHQ-9 total 30 is impossible");
		assertThat(file.problems().get(3).reason()).startsWith("Dates out of order: session 2 on 2024-01-08 is before "
				+ "session 1 on 2024-02-08");
		assertThat(file.problems().get(4).reason()).contains("not a date like 2025-03-14");
		assertThat(file.problems().get(5).reason()).contains("5 cells where the header has 25");
		assertThat(file.problems().get(6).reason()).contains("CHECK-IN item 4 11 is impossible (0 to 10)");
	}

	@Test
	void refusesAFileThatIsNotUtf8AndNamesTheLine() {
		byte[] latin1 = (HistoryFile.WIDE_HEADER + "\n" + "Zo\u00eb,1,2024-01-08," + ROW + "\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(HistoryFile.read(latin1, CAP).problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.reason()).contains("not UTF-8");
		});
	}

	@Test
	void refusesA50MegabyteFileUnread() {
		byte[] big = new byte[50 * 1024 * 1024];
		Arrays.fill(big, (byte) 'x');

		assertThat(HistoryFile.read(big, CAP).problems()).singleElement()
			.satisfies(p -> assertThat(p.reason()).contains("50.0 MB").contains("the limit is 10.0 MB"));
	}

	@Test
	void readsTheLongFormatNumberingSessionsByDate() {
		var file = read(HistoryFile.LONG_HEADER + "\n" + "X9,2024-03-11,PHQ-9,2 2 1 1 0 1 0 0 0,7\n"
				+ "X9,2024-03-04,PHQ-9,,12\n" + "X9,2024-03-04,GAD-7,,9\n" + "X9,2024-03-11,K10,,20\n");

		assertThat(file.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(5);
			assertThat(p.reason()).contains("Unknown instrument \u201cK10\u201d");
		});
		assertThat(file.rows()).extracting(HistoryFile.Row::session, HistoryFile.Row::line)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3), org.assertj.core.groups.Tuple.tuple(2, 2));
	}

	private static HistoryFile read(String text) {
		return HistoryFile.read(text.getBytes(StandardCharsets.UTF_8), CAP);
	}

}
