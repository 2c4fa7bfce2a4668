package care.rapport.measures;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Worked examples of Jacobson &amp; Truax's reliable and clinically significant change. */
class ChangeAssessmentTests {

	private static final Instruments INSTRUMENTS = Instruments.shipped();

	private final InstrumentDefinition phq9 = INSTRUMENTS.get("PHQ-9");

	private final InstrumentDefinition gad7 = INSTRUMENTS.get("GAD-7");

	@Test
	void phq9EighteenToElevenIsAReliableImprovementButStillInTheClinicalRange() {
		ChangeAssessment change = phq9.assessChange(18, 11);

		assertThat(change.change()).isEqualByComparingTo("-7");
		assertThat(change.reliable()).isTrue();
		assertThat(change.improved()).isTrue();
		assertThat(change.clinicalAtEnd()).as("11 is at or above the cut-off of 10").isTrue();
		assertThat(change.category()).isEqualTo(ChangeCategory.IMPROVED);
	}

	@Test
	void phq9EighteenToNineIsARecovery() {
		ChangeAssessment change = phq9.assessChange(18, 9);

		assertThat(change.improved()).isTrue();
		assertThat(change.leftClinicalRange()).isTrue();
		assertThat(change.category()).isEqualTo(ChangeCategory.RECOVERED);
	}

	@Test
	void phq9EighteenToThirteenIsUnchanged() {
		ChangeAssessment change = phq9.assessChange(18, 13);

		assertThat(change.reliable()).as("a change of 5 is below the threshold of 6").isFalse();
		assertThat(change.improved()).isFalse();
		assertThat(change.category()).isEqualTo(ChangeCategory.UNCHANGED);
	}

	@Test
	void phq9NineToSixteenIsADeterioration() {
		ChangeAssessment change = phq9.assessChange(9, 16);

		assertThat(change.deteriorated()).isTrue();
		assertThat(change.improved()).isFalse();
		assertThat(change.category()).isEqualTo(ChangeCategory.DETERIORATED);
	}

	@Test
	void phq9TwelveToEightLeavesTheClinicalRangeWithoutReliableChange() {
		assertThat(phq9.assessChange(12, 8).category()).isEqualTo(ChangeCategory.NON_RELIABLY_RECOVERED);
	}

	@Test
	void aChangeOfExactlyTheThresholdIsReliable() {
		assertThat(phq9.assessChange(16, 10).category()).isEqualTo(ChangeCategory.IMPROVED);
		assertThat(phq9.assessChange(16, 9).category()).isEqualTo(ChangeCategory.RECOVERED);
		assertThat(phq9.assessChange(15, 10).reliable()).isFalse();
	}

	@Test
	void improvementThatStartedOutsideTheClinicalRangeIsNotARecovery() {
		ChangeAssessment change = phq9.assessChange(9, 2);

		assertThat(change.improved()).isTrue();
		assertThat(change.category()).isEqualTo(ChangeCategory.IMPROVED);
	}

	@Test
	void gad7UsesItsOwnThresholdOfFourAndCutOffOfEight() {
		assertThat(gad7.assessChange(15, 7).category()).isEqualTo(ChangeCategory.RECOVERED);
		assertThat(gad7.assessChange(12, 8).category()).as("8 is still a case").isEqualTo(ChangeCategory.IMPROVED);
		assertThat(gad7.assessChange(10, 7).category()).isEqualTo(ChangeCategory.NON_RELIABLY_RECOVERED);
		assertThat(gad7.assessChange(5, 9).category()).isEqualTo(ChangeCategory.DETERIORATED);
		assertThat(gad7.assessChange(5, 8).category()).isEqualTo(ChangeCategory.UNCHANGED);
	}

	@Test
	void derivesTheReliableChangeIndexFromReliabilityAndStandardDeviation() {
		InstrumentDefinition fromR = TestDefinitions.withReliability(phq9, "0.84", "5");

		ChangeAssessment worse = fromR.assessChange(8, 14);
		ChangeAssessment smaller = fromR.assessChange(8, 13);

		assertThat(worse.standardErrorOfDifference()).isCloseTo(5 * Math.sqrt(2) * Math.sqrt(0.16), within(1e-12))
			.isCloseTo(2.828, within(0.001));
		assertThat(worse.reliableChangeIndex()).isCloseTo(2.12, within(0.01));
		assertThat(worse.reliable()).isTrue();
		assertThat(worse.deteriorated()).isTrue();
		assertThat(smaller.reliableChangeIndex()).isCloseTo(1.77, within(0.01));
		assertThat(smaller.reliable()).isFalse();
		assertThat(fromR.reliableChange().minimumReliableChange()).isCloseTo(5.54, within(0.01));
	}

	@Test
	void reportsNoIndexForAFixedThreshold() {
		ChangeAssessment change = phq9.assessChange(18, 9);

		assertThat(change.reliableChangeIndex()).isNull();
		assertThat(change.standardErrorOfDifference()).isNull();
	}

	@Test
	void explainsAFixedThresholdAssessmentWithItsNumbers() {
		assertThat(phq9.assessChange(18, 9).explanation()).isEqualTo(
				"PHQ-9 18 → 9: change −9 (lower scores are better, so this is an improvement). "
						+ "Reliable change needs a change of at least 6 either way (the instrument's fixed threshold): "
						+ "9 ≥ 6, so the change is reliable. "
						+ "Clinical cut-off 10 (10 or more is the clinical range): 18 is in it, 9 is not. "
						+ "Result: recovered (a reliable improvement that left the clinical range).");
		assertThat(phq9.assessChange(18, 13).explanation())
			.contains("5 < 6, so the change is not reliable: it could be measurement error.")
			.contains("18 and 13 are both in it.")
			.endsWith("Result: unchanged (no reliable change).");
	}

	@Test
	void explainsTheReliableChangeIndexWithTheFormulaAndValues() {
		InstrumentDefinition fromR = TestDefinitions.withReliability(phq9, "0.84", "5");

		assertThat(fromR.assessChange(20, 14).explanation()).isEqualTo(
				"PHQ-9 20 → 14: change −6 (lower scores are better, so this is an improvement). "
						+ "Reliable change index (Jacobson & Truax): S_diff = SD × √2 × √(1 − r) "
						+ "= 5 × √2 × √(1 − 0.84) = 2.83; RCI = change ÷ S_diff = −6 ÷ 2.83 = −2.12; "
						+ "|RCI| 2.12 ≥ 1.96 (a change of at least 5.54 either way), so the change is reliable. "
						+ "Clinical cut-off 10 (10 or more is the clinical range): 20 and 14 are both in it. "
						+ "Result: improved (a reliable improvement, still in the clinical range).");
	}

	@Test
	void explainsAWorseningOnAScaleWhereHigherIsBetter() {
		InstrumentDefinition better = TestDefinitions.withDirection(phq9, Direction.HIGHER_IS_BETTER);

		assertThat(better.assessChange(18, 9).explanation())
			.startsWith("PHQ-9 18 → 9: change −9 (higher scores are better, so this is a worsening).")
			.contains("Clinical cut-off 10 (below 10 is the clinical range): 18 is not in it, 9 is.")
			.endsWith("Result: deteriorated (a reliable worsening).");
	}

	@Test
	void comparesMeanTotalsInDecimalSoAThresholdIsMetExactly() {
		InstrumentDefinition mean = TestDefinitions.withReliableChange(
				TestDefinitions.outcome("MEAN-2", ScoringMethod.MEAN,
						List.of(TestDefinitions.item("a", 0, 10, false), TestDefinitions.item("b", 0, 10, false))),
				ReliableChange.fixed(new BigDecimal("0.6")));

		ChangeAssessment change = mean.assessChange(7.3, 6.7);

		assertThat(change.change()).isEqualByComparingTo("-0.6");
		assertThat(change.reliable()).isTrue();
	}

	@Test
	void refusesAnInstrumentWithoutAReliableChangeCriterion() {
		assertThatThrownBy(() -> INSTRUMENTS.get("CHECK-IN").assessChange(8, 9.5))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("CHECK-IN has no reliable-change criterion");
	}

	@Test
	void refusesTotalsTheInstrumentCannotProduce() {
		assertThatThrownBy(() -> phq9.assessChange(18, 28)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("PHQ-9 totals run from 0 to 27, not 28");
		assertThatThrownBy(() -> phq9.assessChange(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
	}

}
