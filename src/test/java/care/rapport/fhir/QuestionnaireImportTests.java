package care.rapport.fhir;

import java.util.List;
import java.util.function.Consumer;

import ca.uhn.fhir.context.FhirContext;
import care.rapport.measures.InstrumentFormatException;
import care.rapport.measures.Instruments;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Questionnaire that cannot be read as an instrument is refused as a whole, and every problem names
 * the Questionnaire element to fix.
 */
class QuestionnaireImportTests {

	private static final QuestionnaireJson JSON = new QuestionnaireJson(FhirContext.forR4Cached());

	private final QuestionnaireMapper mapper = new QuestionnaireMapper();

	@Test
	void textThatIsNotJsonIsNamedAsSuch() {
		assertThat(problemsOf("{ \"resourceType\": \"Questionnaire\", ")).singleElement()
			.asString()
			.startsWith("json: ");
	}

	@Test
	void emptyTextAsksForAQuestionnaire() {
		assertThat(problemsOf("  ")).containsExactly("json: empty; paste a FHIR R4 Questionnaire in JSON");
	}

	@Test
	void anotherResourceTypeIsRefused() {
		assertThat(problemsOf("{\"resourceType\": \"Patient\"}")).singleElement()
			.asString()
			.startsWith("json: ")
			.contains("Questionnaire", "Patient");
	}

	@Test
	void unknownElementsAreProblemsNotWarnings() {
		String json = JSON.write(phq9()).replaceFirst("\"title\"", "\"titel\": \"typo\", \"title\"");

		assertThat(problemsOf(json)).singleElement().asString().contains("unknown element 'titel'");
	}

	@Test
	void aQuestionnaireWithoutItemsIsRefused() {
		assertThat(problemsOf(phq9(q -> q.getItem().clear())))
			.containsExactly("Questionnaire.item: missing; an instrument needs at least one choice item");
	}

	@Test
	void anAnswerWithoutOrdinalValueIsNamedByItsPosition() {
		List<String> problems = problemsOf(phq9(
				q -> q.getItem().get(2).getAnswerOption().get(1).getValueCoding().getExtension().clear()));

		assertThat(problems).singleElement().asString().startsWith("Questionnaire.item[2].answerOption[1]: no ordinal value");
	}

	@Test
	void anOrdinalValueMustBeAWholeNumber() {
		List<String> problems = problemsOf(phq9(q -> q.getItem().get(0).getAnswerOption().get(0).getValueCoding()
			.getExtensionByUrl(RapportExtensions.ORDINAL_VALUE)
			.setValue(new DecimalType("0.5"))));

		assertThat(problems).singleElement()
			.asString()
			.startsWith("Questionnaire.item[0].answerOption[0]: ordinal value 0.5 is not a whole number");
	}

	@Test
	void anOrdinalValueOnTheAnswerOptionOrAsItemWeightIsAccepted() {
		Questionnaire questionnaire = phq9(q -> {
			var option = q.getItem().get(0).getAnswerOption().get(3);
			option.getValueCoding().getExtension().clear();
			option.addExtension(RapportExtensions.ITEM_WEIGHT, new DecimalType(3));
		});

		assertThat(mapper.fromQuestionnaire(questionnaire)).isEqualTo(Instruments.shipped().get("PHQ-9"));
	}

	@Test
	void aBandThatEndsBeforeItStartsNamesTheBandExtension() {
		List<String> problems = problemsOf(phq9(q -> {
			Extension mild = q.getExtensionsByUrl(RapportExtensions.SEVERITY_BAND).get(1);
			mild.getExtensionByUrl("to").setValue(new DecimalType(3));
		}));

		assertThat(problems).contains("Questionnaire.extension:severity-band[1].to: 3 is below from 5");
	}

	@Test
	void everyShapeProblemIsListedTogether() {
		List<String> problems = problemsOf(phq9(q -> {
			q.getExtension().removeIf(e -> RapportExtensions.KIND.equals(e.getUrl()));
			q.getItem().get(4).setType(QuestionnaireItemType.STRING);
			q.getIdentifier().clear();
			q.setVersion("1.1");
			q.addExtension(RapportExtensions.BASE + "colour", new StringType("blue"));
			q.getExtensionsByUrl(RapportExtensions.CRITICAL_ITEM).get(0).getExtension()
				.removeIf(e -> e.getUrl().equals("severity"));
		}));

		assertThat(problems).hasSize(6)
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.extension:instrument-kind: missing"))
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.item[4].type: 'string'"))
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.identifier: no identifier"))
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.version: '1.1' is not a whole number"))
			.anySatisfy(p -> assertThat(p).contains("unknown Rapport extension " + RapportExtensions.BASE + "colour"))
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.extension:critical-item[0].severity: missing"));
	}

	@Test
	void measuresRulesAreReportedInQuestionnaireTerms() {
		List<String> problems = problemsOf(phq9(q -> {
			q.getItem().get(1).setLinkId("q1");
			q.getItem().get(0).addCode(new Coding(RapportExtensions.LOINC, "44260-9", null));
			q.getItem().get(3).getAnswerOption().get(2).getValueCoding().setDisplay(null);
			q.setTitle(null);
		}));

		assertThat(problems).contains("Questionnaire.title: missing",
				"Questionnaire.item[1].linkId: q1 is used by an earlier item too",
				"Questionnaire.item[3].answerOption[2].valueCoding.display: missing")
			.anySatisfy(p -> assertThat(p).startsWith("Questionnaire.item[0].code: 44260-9 has a wrong check digit"));
	}

	@Test
	void measuresPathsAreRenamedToQuestionnaireElements() {
		var translated = QuestionnaireFormatException.of(new InstrumentFormatException(List.of("code: missing",
				"items[3].answers: value 1 is listed twice", "items[0].reversed: not mirrored",
				"reliableChange.referenceSd: -1 must be more than 0", "subscales[1].items: no item q10",
				"criticalItems[0].threshold: 7 is not one of the answers", "loinc.total: 1-2 is not a LOINC code",
				"minTotal: 1 does not match", "bands: gap between 4 and 6")));

		assertThat(translated.problems()).containsExactly("Questionnaire.identifier: missing",
				"Questionnaire.item[3].answerOption: value 1 is listed twice",
				"Questionnaire.item[0].extension:reversed: not mirrored",
				"Questionnaire.extension:reliable-change.reference-sd: -1 must be more than 0",
				"Questionnaire.extension:subscale[1].item: no item q10",
				"Questionnaire.extension:critical-item[0].threshold: 7 is not one of the answers",
				"Questionnaire.extension:total-code: 1-2 is not a LOINC code",
				"Questionnaire.extension:min-total: 1 does not match",
				"Questionnaire.extension:severity-band: gap between 4 and 6");
	}

	private static Questionnaire phq9() {
		return new QuestionnaireMapper().toQuestionnaire(Instruments.shipped().get("PHQ-9"));
	}

	private static Questionnaire phq9(Consumer<Questionnaire> change) {
		Questionnaire questionnaire = phq9();
		change.accept(questionnaire);
		return questionnaire;
	}

	/** The problems of a changed Questionnaire, after a trip through JSON as an upload would take. */
	private List<String> problemsOf(Questionnaire questionnaire) {
		return problemsOf(JSON.write(questionnaire));
	}

	private List<String> problemsOf(String json) {
		var refused = catchThrowableOfType(QuestionnaireFormatException.class,
				() -> mapper.fromQuestionnaire(JSON.parse(json)));
		assertThat(refused).as("refused").isNotNull();
		return refused.problems();
	}

}
