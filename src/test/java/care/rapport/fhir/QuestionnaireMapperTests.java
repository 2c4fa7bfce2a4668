package care.rapport.fhir;

import java.math.BigDecimal;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Instrument definitions survive the trip to a FHIR Questionnaire, through JSON, and back. */
class QuestionnaireMapperTests {

	private static final QuestionnaireJson JSON = new QuestionnaireJson(FhirContext.forR4Cached());

	private final QuestionnaireMapper mapper = new QuestionnaireMapper();

	static List<InstrumentDefinition> shipped() {
		return Instruments.shipped().all();
	}

	@Test
	void theShippedInstrumentsAreAllRoundTripped() {
		assertThat(shipped()).extracting(InstrumentDefinition::code).contains("CHECK-IN", "GAD-7", "PHQ-9");
	}

	@ParameterizedTest
	@MethodSource("shipped")
	void shippedInstrumentRoundTripsThroughQuestionnaireJson(InstrumentDefinition definition) {
		assertThat(roundTrip(definition)).isEqualTo(definition);
	}

	@Test
	void practiceInstrumentWithSubscalesReversedItemsAndReliabilityRoundTrips() {
		InstrumentDefinition mood = TestInstruments.practiceMood("PRACTICE-MOOD", 3);

		InstrumentDefinition back = roundTrip(mood);

		assertThat(back).isEqualTo(mood);
		// Scale matters to BigDecimal equality: 0.840 must not come back as 0.84.
		assertThat(back.reliableChange().reliability()).hasToString("0.840");
		assertThat(back.clinicalCutOff()).hasToString("6.0");
	}

	@Test
	void answersAreChoiceCodingsCarryingTheirScoreAsOrdinalValue() {
		Questionnaire phq9 = mapper.toQuestionnaire(Instruments.shipped().get("PHQ-9"));

		assertThat(phq9.getItem()).hasSize(9).allSatisfy(item -> {
			assertThat(item.getType()).isEqualTo(QuestionnaireItemType.CHOICE);
			assertThat(item.getRequired()).isTrue();
		});
		QuestionnaireItemComponent first = phq9.getItem().get(0);
		assertThat(first.getLinkId()).isEqualTo("q1");
		assertThat(first.getAnswerOption()).extracting(option -> option.getValueCoding().getCode())
			.containsExactly("0", "1", "2", "3");
		Coding nearlyEveryDay = first.getAnswerOption().get(3).getValueCoding();
		assertThat(nearlyEveryDay.getDisplay()).isEqualTo("Nearly every day");
		assertThat(((DecimalType) nearlyEveryDay.getExtensionByUrl(RapportExtensions.ORDINAL_VALUE).getValue())
			.getValue()).isEqualByComparingTo(BigDecimal.valueOf(3));
	}

	@Test
	void describesTheInstrumentWithFhirElementsAndLoincCodes() {
		Questionnaire phq9 = mapper.toQuestionnaire(Instruments.shipped().get("PHQ-9"));

		assertThat(phq9.getUrl()).isEqualTo("https://rapport.care/fhir/Questionnaire/PHQ-9");
		assertThat(phq9.getIdentifierFirstRep().getSystem()).isEqualTo(RapportExtensions.INSTRUMENT_CODE_SYSTEM);
		assertThat(phq9.getIdentifierFirstRep().getValue()).isEqualTo("PHQ-9");
		assertThat(phq9.getName()).isEqualTo("PHQ_9");
		assertThat(phq9.getVersion()).isEqualTo("1");
		assertThat(phq9.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
		assertThat(phq9.getTitle()).isEqualTo("Patient Health Questionnaire (PHQ-9)");
		assertThat(phq9.getDescription()).startsWith("Over the last 2 weeks");
		assertThat(phq9.getCopyright()).contains("No permission required");
		assertThat(phq9.getCode()).singleElement().satisfies(code -> {
			assertThat(code.getSystem()).isEqualTo("http://loinc.org");
			assertThat(code.getCode()).isEqualTo("44249-1");
		});
		assertThat(phq9.getItem().get(8).getCode()).extracting(Coding::getCode).containsExactly("44260-8");
		assertThat(phq9.getItem().get(0).getCode()).isEmpty();
	}

	@Test
	void scoringTravelsAsOneRapportExtensionPerConcept() {
		String json = JSON.write(mapper.toQuestionnaire(Instruments.shipped().get("PHQ-9")));

		assertThat(json).contains(RapportExtensions.KIND, RapportExtensions.DIRECTION, RapportExtensions.SCORING_METHOD,
				RapportExtensions.MIN_TOTAL, RapportExtensions.MAX_TOTAL, RapportExtensions.TOTAL_CODE,
				RapportExtensions.SEVERITY_BAND, RapportExtensions.CLINICAL_CUT_OFF, RapportExtensions.RELIABLE_CHANGE,
				RapportExtensions.CRITICAL_ITEM, RapportExtensions.VALIDATED, RapportExtensions.ORDINAL_VALUE);
		assertThat(json).doesNotContain(RapportExtensions.NOTICE, RapportExtensions.SUBSCALE,
				RapportExtensions.REVERSED);
	}

	private InstrumentDefinition roundTrip(InstrumentDefinition definition) {
		String json = JSON.write(mapper.toQuestionnaire(definition));
		return mapper.fromQuestionnaire(JSON.parse(json));
	}

}
