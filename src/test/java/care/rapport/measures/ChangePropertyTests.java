package care.rapport.measures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Change assessment rules that hold for any pair of PHQ-9-range totals. */
class ChangePropertyTests {

	private static final InstrumentDefinition PHQ9 = Instruments.shipped().get("PHQ-9");

	private static final InstrumentDefinition PHQ9_FROM_RELIABILITY = TestDefinitions.withReliability(PHQ9, "0.84",
			"5");

	@Property
	void flippingTheDirectionSwapsImprovedAndDeteriorated(@ForAll("criteria") InstrumentDefinition definition,
			@ForAll @IntRange(max = 27) int first, @ForAll @IntRange(max = 27) int latest) {
		ChangeAssessment asDefined = definition.assessChange(first, latest);
		ChangeAssessment flipped = TestDefinitions
			.withDirection(definition, definition.direction().opposite())
			.assessChange(first, latest);

		assertThat(flipped.improved()).isEqualTo(asDefined.deteriorated());
		assertThat(flipped.deteriorated()).isEqualTo(asDefined.improved());
		assertThat(flipped.reliable()).isEqualTo(asDefined.reliable());
	}

	@Property
	void onAScaleWhereHigherIsWorseImprovedMeansTheTotalFell(@ForAll("criteria") InstrumentDefinition definition,
			@ForAll @IntRange(max = 27) int first, @ForAll @IntRange(max = 27) int latest) {
		ChangeAssessment change = definition.assessChange(first, latest);

		if (change.improved()) {
			assertThat(latest).isLessThan(first);
		}
		if (change.deteriorated()) {
			assertThat(latest).isGreaterThan(first);
		}
		assertThat(change.improved() && change.deteriorated()).isFalse();
	}

	@Property
	void swappingFirstAndLatestSwapsImprovedAndDeteriorated(@ForAll("criteria") InstrumentDefinition definition,
			@ForAll @IntRange(max = 27) int first, @ForAll @IntRange(max = 27) int latest) {
		ChangeAssessment forward = definition.assessChange(first, latest);
		ChangeAssessment backward = definition.assessChange(latest, first);

		assertThat(backward.improved()).isEqualTo(forward.deteriorated());
		assertThat(backward.deteriorated()).isEqualTo(forward.improved());
	}

	@Property
	void theCategoryAgreesWithTheFlagsItIsMadeOf(@ForAll("criteria") InstrumentDefinition definition,
			@ForAll @IntRange(max = 27) int first, @ForAll @IntRange(max = 27) int latest) {
		ChangeAssessment change = definition.assessChange(first, latest);

		switch (change.category()) {
			case RECOVERED -> assertThat(change.improved() && change.clinicalAtStart() && !change.clinicalAtEnd())
				.isTrue();
			case IMPROVED -> assertThat(change.improved() && !change.leftClinicalRange()).isTrue();
			case NON_RELIABLY_RECOVERED -> assertThat(!change.reliable() && change.leftClinicalRange()).isTrue();
			case UNCHANGED -> assertThat(!change.reliable() && !change.leftClinicalRange()).isTrue();
			case DETERIORATED -> assertThat(change.deteriorated()).isTrue();
		}
		assertThat(change.explanation()).startsWith("PHQ-9 " + first + " → " + latest + ": change");
	}

	@Provide
	Arbitrary<InstrumentDefinition> criteria() {
		return Arbitraries.of(PHQ9, PHQ9_FROM_RELIABILITY);
	}

}
