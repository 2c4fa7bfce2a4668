package care.rapport.measures;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

class ScoringTests {

	private static final Instruments INSTRUMENTS = Instruments.shipped();

	private final InstrumentDefinition phq9 = INSTRUMENTS.get("PHQ-9");

	private final InstrumentDefinition checkIn = INSTRUMENTS.get("CHECK-IN");

	@Test
	void sumsPhq9AnswersIntoAnExactTotalWithItsBandAndClinicalRange() {
		Score score = phq9.score(answers(phq9, 2, 2, 2, 2, 2, 2, 2, 2, 0));

		assertThat(score.total()).isEqualByComparingTo("16");
		assertThat(score.total().scale()).isZero();
		assertThat(score.band()).isEqualTo("Moderately severe");
		assertThat(score.inClinicalRange()).isTrue();
		assertThat(score.instrumentCode()).isEqualTo("PHQ-9");
		assertThat(score.instrumentVersion()).isEqualTo(1);
		assertThat(score.hasCriticalFindings()).isFalse();
	}

	@Test
	void placesTotalsOnBandEdgesInTheRightBand() {
		assertThat(bandOfPhq9Total(4)).isEqualTo("Minimal");
		assertThat(bandOfPhq9Total(5)).isEqualTo("Mild");
		assertThat(bandOfPhq9Total(9)).isEqualTo("Mild");
		assertThat(bandOfPhq9Total(10)).isEqualTo("Moderate");
		assertThat(bandOfPhq9Total(20)).isEqualTo("Severe");
		assertThat(bandOfPhq9Total(27)).isEqualTo("Severe");
	}

	@Test
	void isInTheClinicalRangeFromTheCutOffUp() {
		assertThat(phq9.score(answersSummingTo(phq9, 9)).inClinicalRange()).isFalse();
		assertThat(phq9.score(answersSummingTo(phq9, 10)).inClinicalRange()).isTrue();
	}

	@Test
	void raisesARiskFindingWhenItemNineIsEndorsed() {
		Score score = phq9.score(answers(phq9, 0, 0, 0, 0, 0, 0, 0, 0, 2));

		assertThat(score.total()).isEqualByComparingTo("2");
		assertThat(score.criticalFindings()).singleElement().satisfies(finding -> {
			assertThat(finding.itemId()).isEqualTo("q9");
			assertThat(finding.value()).isEqualTo(2);
			assertThat(finding.answerLabel()).isEqualTo("More than half the days");
			assertThat(finding.severity()).isEqualTo(CriticalSeverity.RISK);
			assertThat(finding.message()).contains("safety");
		});
	}

	@Test
	void raisesNoFindingWhenItemNineIsNotAtAll() {
		assertThat(phq9.score(answers(phq9, 3, 3, 3, 3, 3, 3, 3, 3, 0)).criticalFindings()).isEmpty();
	}

	@Test
	void listsEveryProblemWithTheAnswersPerItemAndScoresNothing() {
		Map<String, Integer> answers = answers(phq9, -1, 0, 0, 0, 0, 0, 0, 0, 4);
		answers.remove("q3");
		answers.put("q10", 1);

		InvalidAnswersException refused = catchThrowableOfType(InvalidAnswersException.class,
				() -> phq9.score(answers));

		assertThat(refused.instrumentCode()).isEqualTo("PHQ-9");
		assertThat(refused.problems()).containsExactly(entry("q1", "-1 is not one of the answers (0–3)"),
				entry("q3", "missing"), entry("q9", "4 is not one of the answers (0–3)"),
				entry("q10", "not an item of PHQ-9"));
	}

	@Test
	void treatsAnAbsentValueAsAMissingAnswer() {
		Map<String, Integer> answers = answers(phq9, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		answers.put("q5", null);

		assertThat(catchThrowableOfType(InvalidAnswersException.class, () -> phq9.score(answers)).problems())
			.containsExactly(entry("q5", "missing"));
	}

	@Test
	void averagesTheCheckInToOneDecimal() {
		assertThat(checkIn.score(answers(checkIn, 8, 9, 10, 9)).total()).isEqualByComparingTo("9.0");
		assertThat(checkIn.score(answers(checkIn, 10, 10, 10, 9)).total()).isEqualByComparingTo("9.8");
		assertThat(checkIn.score(answers(checkIn, 7, 8, 8, 8)).total()).isEqualByComparingTo("7.8");
	}

	@Test
	void flagsACheckInAveragingBelowNineAsWorthAskingAbout() {
		Score low = checkIn.score(answers(checkIn, 8, 8, 9, 9));
		Score fine = checkIn.score(answers(checkIn, 8, 9, 10, 9));

		assertThat(low.total()).isEqualByComparingTo("8.5");
		assertThat(low.inClinicalRange()).isTrue();
		assertThat(fine.inClinicalRange()).isFalse();
		assertThat(fine.band()).isNull();
		assertThat(fine.criticalFindings()).isEmpty();
	}

	@Test
	void reverseScoresAReversedItemAsLowestPlusHighestMinusTheAnswer() {
		InstrumentDefinition mixed = TestDefinitions.outcome("MIXED", ScoringMethod.SUM,
				List.of(TestDefinitions.item("plain", 0, 4, false), TestDefinitions.item("reversed", 0, 4, true)));

		assertThat(mixed.score(Map.of("plain", 1, "reversed", 1)).total()).isEqualByComparingTo("4");
		assertThat(mixed.score(Map.of("plain", 4, "reversed", 0)).total()).isEqualByComparingTo("8");
		assertThat(mixed.score(Map.of("plain", 0, "reversed", 4)).total()).isEqualByComparingTo("0");
	}

	@Test
	void reverseScoresWithinTheItemsOwnRange() {
		InstrumentDefinition oneToFive = TestDefinitions.outcome("ONE-TO-FIVE", ScoringMethod.SUM,
				List.of(TestDefinitions.item("r", 1, 5, true)));

		assertThat(oneToFive.score(Map.of("r", 2)).total()).isEqualByComparingTo("4");
	}

	@Test
	void scoresSubscalesWithTheirOwnMethodAfterReverseScoring() {
		InstrumentDefinition base = TestDefinitions.outcome("PARTS", ScoringMethod.SUM,
				List.of(TestDefinitions.item("a", 0, 4, false), TestDefinitions.item("b", 0, 4, true),
						TestDefinitions.item("c", 0, 4, false)));
		InstrumentDefinition withParts = TestDefinitions.withSubscales(base, List.of(
				new Subscale("First two", List.of("a", "b"), ScoringMethod.MEAN),
				new Subscale("Last", List.of("c"), ScoringMethod.SUM)));

		Score score = withParts.score(Map.of("a", 2, "b", 1, "c", 4));

		assertThat(score.total()).isEqualByComparingTo("9");
		assertThat(score.subscales()).containsExactly(entry("First two", new BigDecimal("2.5")),
				entry("Last", new BigDecimal("4")));
	}

	private String bandOfPhq9Total(int total) {
		return phq9.score(answersSummingTo(phq9, total)).band();
	}

	/** Answers in item order, in a map the test may change. */
	static Map<String, Integer> answers(InstrumentDefinition definition, int... values) {
		Map<String, Integer> answers = new HashMap<>();
		for (int i = 0; i < values.length; i++) {
			answers.put(definition.items().get(i).id(), values[i]);
		}
		return answers;
	}

	/** Fills items with their highest answer until the total is reached. */
	static Map<String, Integer> answersSummingTo(InstrumentDefinition definition, int total) {
		Map<String, Integer> answers = new HashMap<>();
		int left = total;
		for (Item item : definition.items()) {
			int value = Math.min(left, item.highestValue());
			answers.put(item.id(), value);
			left -= value;
		}
		return answers;
	}

}
