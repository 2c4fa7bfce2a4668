package care.rapport.measures;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an instrument definition from JSON. The JSON layout mirrors {@link InstrumentDefinition},
 * with one convenience: a top-level {@code answers} list applies to every item that has none of its
 * own. Problems with the JSON's shape (missing fields, wrong types, unknown names) are all reported
 * together; the definition's own rules are checked, again all together, once the shape is right.
 */
final class DefinitionReader {

	// Exact decimals so that a reliability of 0.84 stays 0.84; duplicate keys would silently drop one value.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private DefinitionReader() {
	}

	/**
	 * @throws InstrumentFormatException naming every wrong field; nothing partial is returned
	 */
	static InstrumentDefinition read(InputStream json) {
		JsonNode root = parse(json);
		Problems problems = new Problems();
		if (root == null || !root.isObject()) {
			problems.add("definition", "must be one JSON object");
			problems.throwIfAny();
		}
		JsonFields top = JsonFields.root(root, problems);
		top.allowOnly("code", "version", "title", "instructions", "kind", "direction", "scoring", "answers", "items",
				"subscales", "minTotal", "maxTotal", "bands", "clinicalCutOff", "reliableChange", "criticalItems",
				"loinc", "copyright", "validated", "notice");
		List<AnswerOption> sharedAnswers = top.has("answers") ? answers(top.objects("answers", true)) : null;
		String code = top.text("code");
		int version = top.whole("version");
		String title = top.text("title");
		String instructions = top.text("instructions");
		InstrumentKind kind = top.choice("kind", InstrumentKind.class);
		Direction direction = top.choice("direction", Direction.class);
		ScoringMethod scoring = top.choice("scoring", ScoringMethod.class);
		List<Item> items = top.objects("items", true).stream().map(item -> item(item, sharedAnswers)).toList();
		List<Subscale> subscales = top.objects("subscales", false).stream().map(DefinitionReader::subscale).toList();
		BigDecimal minTotal = top.number("minTotal");
		BigDecimal maxTotal = top.number("maxTotal");
		List<SeverityBand> bands = top.objects("bands", false).stream().map(DefinitionReader::band).toList();
		BigDecimal clinicalCutOff = top.number("clinicalCutOff");
		ReliableChange reliableChange = reliableChange(top.optionalObject("reliableChange"));
		List<CriticalItem> criticalItems = top.objects("criticalItems", false)
			.stream()
			.map(DefinitionReader::criticalItem)
			.toList();
		LoincCodes loinc = loinc(top.optionalObject("loinc"));
		String copyright = top.text("copyright");
		boolean validated = top.flag("validated");
		String notice = top.optionalText("notice");
		problems.throwIfAny();
		return new InstrumentDefinition(code, version, title, instructions, kind, direction, scoring, items, subscales,
				minTotal, maxTotal, bands, clinicalCutOff, reliableChange, criticalItems, loinc, copyright, validated,
				notice);
	}

	private static @Nullable JsonNode parse(InputStream json) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException ex) {
			var at = ex.getLocation();
			String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
			throw new InstrumentFormatException(List.of("json: not valid JSON: " + ex.getOriginalMessage() + where));
		}
	}

	private static Item item(JsonFields item, @Nullable List<AnswerOption> sharedAnswers) {
		item.allowOnly("id", "text", "answers", "reversed", "loinc");
		List<AnswerOption> answers = List.of();
		if (item.has("answers")) {
			answers = answers(item.objects("answers", true));
		}
		else if (sharedAnswers != null) {
			answers = sharedAnswers;
		}
		else {
			item.report("answers", "missing, and there is no top-level answers list for it to use");
		}
		return new Item(item.text("id"), item.text("text"), answers, item.flag("reversed", false),
				item.optionalText("loinc"));
	}

	private static List<AnswerOption> answers(List<JsonFields> answers) {
		return answers.stream().map(answer -> {
			answer.allowOnly("value", "label");
			return new AnswerOption(answer.whole("value"), answer.text("label"));
		}).toList();
	}

	private static Subscale subscale(JsonFields subscale) {
		subscale.allowOnly("name", "items", "scoring");
		return new Subscale(subscale.text("name"), subscale.texts("items"),
				subscale.choice("scoring", ScoringMethod.class));
	}

	private static SeverityBand band(JsonFields band) {
		band.allowOnly("from", "to", "label");
		return new SeverityBand(band.number("from"), band.number("to"), band.text("label"));
	}

	private static @Nullable ReliableChange reliableChange(@Nullable JsonFields rc) {
		if (rc == null) {
			return null;
		}
		rc.allowOnly("threshold", "reliability", "referenceSd");
		return new ReliableChange(rc.optionalNumber("threshold"), rc.optionalNumber("reliability"),
				rc.optionalNumber("referenceSd"));
	}

	private static CriticalItem criticalItem(JsonFields critical) {
		critical.allowOnly("item", "threshold", "severity", "message");
		return new CriticalItem(critical.text("item"), critical.whole("threshold"),
				critical.choice("severity", CriticalSeverity.class), critical.text("message"));
	}

	private static LoincCodes loinc(@Nullable JsonFields loinc) {
		if (loinc == null) {
			return LoincCodes.NONE;
		}
		loinc.allowOnly("panel", "total");
		return new LoincCodes(loinc.optionalText("panel"), loinc.optionalText("total"));
	}

}
