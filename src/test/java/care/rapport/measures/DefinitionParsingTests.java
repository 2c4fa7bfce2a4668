package care.rapport.measures;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A wrong definition is refused as a whole, with every wrong field named. */
class DefinitionParsingTests {

	private static final String VALID = """
			{
			  "code": "TINY-3", "version": 1, "title": "Tiny", "instructions": "How often?",
			  "kind": "OUTCOME", "direction": "HIGHER_IS_WORSE", "scoring": "SUM",
			  "answers": [{"value": 0, "label": "Never"}, {"value": 1, "label": "Sometimes"},
			              {"value": 2, "label": "Often"}, {"value": 3, "label": "Always"}],
			  "items": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}],
			  "minTotal": 0, "maxTotal": 9,
			  "bands": [{"from": 0, "to": 4, "label": "Low"}, {"from": 5, "to": 9, "label": "High"}],
			  "clinicalCutOff": 5,
			  "reliableChange": {"threshold": 3},
			  "criticalItems": [{"item": "c", "threshold": 2, "severity": "CONCERN", "message": "C is often true."}],
			  "loinc": {"panel": "44249-1"},
			  "copyright": "Test only.",
			  "validated": true
			}
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Instruments instruments = Instruments.of();

	@Test
	void readsAValidDefinitionWithSharedAnswers() {
		InstrumentDefinition tiny = parse(VALID);

		assertThat(tiny.items()).hasSize(3).allSatisfy(item -> assertThat(item.answers()).hasSize(4));
		assertThat(tiny.criticalItems()).singleElement().extracting(CriticalItem::severity)
			.isEqualTo(CriticalSeverity.CONCERN);
		assertThat(tiny.loinc()).isEqualTo(new LoincCodes("44249-1", null));
		assertThat(tiny.notice()).isNull();
	}

	@Test
	void namesAnItemWithNoAnswers() {
		assertThat(problems(d -> items(d).get(1).set("answers", JSON.createArrayNode())))
			.containsExactly("items[1].answers: empty");
	}

	@Test
	void namesAnItemWithoutAnswersWhenThereAreNoSharedAnswers() {
		assertThat(problems(d -> {
			ArrayNode answers = (ArrayNode) d.get("answers");
			d.remove("answers");
			items(d).get(0).set("answers", answers);
			items(d).get(2).set("answers", answers);
		})).containsExactly("items[1].answers: missing, and there is no top-level answers list for it to use");
	}

	@Test
	void namesAGapBetweenBands() {
		assertThat(problems(d -> band(d, 1).put("from", 6))).containsExactly("bands: gap between 4 and 6");
	}

	@Test
	void namesOverlappingBands() {
		assertThat(problems(d -> band(d, 1).put("from", 3)))
			.containsExactly("bands: overlap: High (3–9) starts before Low (0–4) ends");
	}

	@Test
	void namesBandsThatDoNotCoverEveryPossibleTotal() {
		assertThat(problems(d -> {
			band(d, 0).put("from", 1);
			band(d, 1).put("to", 8);
		})).containsExactly("bands: the first band starts at 1, not at the lowest total 0",
				"bands: the last band ends at 8, not at the highest total 9");
	}

	@Test
	void asksForAThresholdOrReliabilityAndReferenceSd() {
		assertThat(problems(d -> d.putObject("reliableChange").put("reliability", 0.8)))
			.containsExactly("reliableChange: give a threshold or reliability and referenceSd");
		assertThat(problems(d -> ((ObjectNode) d.get("reliableChange")).put("referenceSd", 5)))
			.containsExactly("reliableChange: give a threshold or reliability and referenceSd, not both");
	}

	@Test
	void requiresReliableChangeForOutcomeInstrumentsOnly() {
		assertThat(problems(d -> d.remove("reliableChange"))).containsExactly(
				"reliableChange: missing; OUTCOME instruments need a threshold or reliability and referenceSd");
		assertThat(parse(change(d -> {
			d.remove("reliableChange");
			d.put("kind", "ALLIANCE");
		})).reliableChange()).isNull();
	}

	@Test
	void checksReliabilityAndStandardDeviationRanges() {
		assertThat(problems(d -> d.putObject("reliableChange").put("reliability", 1.2).put("referenceSd", 0)))
			.containsExactly("reliableChange.reliability: 1.2 must be more than 0 and less than 1",
					"reliableChange.referenceSd: 0 must be more than 0");
	}

	@Test
	void namesEveryShapeProblemAtOnce() {
		assertThat(problems(d -> {
			d.remove("title");
			d.put("titel", "Tiny");
			d.put("kind", "OUTCOMES");
			((ObjectNode) d.get("answers").get(1)).put("value", "one");
			d.put("version", 1.5);
		})).containsExactlyInAnyOrder(
				"titel: unknown field (expected one of code, version, title, instructions, kind, direction, scoring, "
						+ "answers, items, subscales, minTotal, maxTotal, bands, clinicalCutOff, reliableChange, "
						+ "criticalItems, loinc, copyright, validated, notice)",
				"answers[1].value: must be a whole number", "version: must be a whole number", "title: missing",
				"kind: 'OUTCOMES' must be one of OUTCOME, ALLIANCE");
	}

	@Test
	void namesEveryRuleBrokenAtOnce() {
		assertThat(problems(d -> {
			d.put("maxTotal", 10);
			d.put("clinicalCutOff", 12);
			((ObjectNode) d.get("criticalItems").get(0)).put("item", "z");
			((ObjectNode) d.get("loinc")).put("total", "44261-5");
			items(d).get(2).put("id", "a");
		})).containsExactly("items[2].id: a is used by an earlier item too",
				"maxTotal: 10 does not match the items (highest possible SUM is 9)", "criticalItems[0].item: no item z",
				"bands: the last band ends at 9, not at the highest total 10",
				"clinicalCutOff: 12 is outside the possible totals 0–10",
				"loinc.total: 44261-5 has a wrong check digit (44261-6 would be valid)");
	}

	@Test
	void namesACriticalThresholdThatIsNotAnAnswer() {
		assertThat(problems(d -> ((ObjectNode) d.get("criticalItems").get(0)).put("threshold", 4)))
			.containsExactly("criticalItems[0].threshold: 4 is not one of the answers of c (0–3)");
	}

	@Test
	void namesAReversedItemWhoseValuesCannotBeMirrored() {
		assertThat(problems(d -> {
			ArrayNode uneven = JSON.createArrayNode();
			uneven.addObject().put("value", 0).put("label", "Never");
			uneven.addObject().put("value", 1).put("label", "Sometimes");
			uneven.addObject().put("value", 3).put("label", "Always");
			items(d).get(0).put("reversed", true).set("answers", uneven);
			d.put("maxTotal", 9);
		})).containsExactly(
				"items[0].reversed: the answer values are not evenly mirrored, "
						+ "so lowest + highest - value is not always an answer");
	}

	@Test
	void requiresANoticeOnAnUnvalidatedInstrument() {
		assertThat(problems(d -> d.put("validated", false)))
			.containsExactly("notice: missing; say why staff should read results with care when validated is false");
	}

	@Test
	void namesSubscalesThatReferToUnknownItems() {
		assertThat(problems(d -> {
			ObjectNode subscale = d.putArray("subscales").addObject().put("name", "Part").put("scoring", "SUM");
			subscale.putArray("items").add("a").add("x");
		})).containsExactly("subscales[0].items: no item x");
	}

	@Test
	void refusesTextThatIsNotJson() {
		assertThat(problemsOf("{\"code\": \"X\",")).singleElement().asString().startsWith("json: not valid JSON");
	}

	@Test
	void refusesAFieldGivenTwice() {
		assertThat(problemsOf("{\"code\": \"X\", \"code\": \"Y\"}")).singleElement().asString()
			.startsWith("json: not valid JSON").contains("code");
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		assertThat(problemsOf("[]")).containsExactly("definition: must be one JSON object");
	}

	@Test
	void checksDefinitionsBuiltInCodeByTheSameRules() {
		InstrumentDefinition tiny = parse(VALID);

		assertThatThrownBy(() -> TestDefinitions.withSubscales(tiny,
				List.of(new Subscale("", List.of(), ScoringMethod.SUM))))
			.isInstanceOf(InstrumentFormatException.class)
			.hasMessageContaining("subscales[0].name: missing")
			.hasMessageContaining("subscales[0].items: empty");
	}

	private InstrumentDefinition parse(String json) {
		return instruments.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	private List<String> problems(Consumer<ObjectNode> breakIt) {
		return problemsOf(change(breakIt));
	}

	private List<String> problemsOf(String json) {
		InstrumentFormatException refused = catchThrowableOfType(InstrumentFormatException.class, () -> parse(json));
		assertThat(refused).as("refused").isNotNull();
		return refused.problems();
	}

	private static String change(Consumer<ObjectNode> change) {
		ObjectNode definition = (ObjectNode) JSON.readTree(VALID);
		change.accept(definition);
		return JSON.writeValueAsString(definition);
	}

	private static List<ObjectNode> items(ObjectNode definition) {
		return definition.get("items").values().stream().map(ObjectNode.class::cast).toList();
	}

	private static ObjectNode band(ObjectNode definition, int index) {
		return (ObjectNode) definition.get("bands").get(index);
	}

}
