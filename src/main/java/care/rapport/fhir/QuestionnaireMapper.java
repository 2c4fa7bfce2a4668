package care.rapport.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import care.rapport.measures.AnswerOption;
import care.rapport.measures.CriticalItem;
import care.rapport.measures.CriticalSeverity;
import care.rapport.measures.Direction;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.InstrumentFormatException;
import care.rapport.measures.InstrumentKind;
import care.rapport.measures.Item;
import care.rapport.measures.LoincCodes;
import care.rapport.measures.ReliableChange;
import care.rapport.measures.ScoringMethod;
import care.rapport.measures.SeverityBand;
import care.rapport.measures.Subscale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import static care.rapport.fhir.RapportExtensions.CLINICAL_CUT_OFF;
import static care.rapport.fhir.RapportExtensions.CRITICAL_ITEM;
import static care.rapport.fhir.RapportExtensions.DIRECTION;
import static care.rapport.fhir.RapportExtensions.INSTRUMENT_CODE_SYSTEM;
import static care.rapport.fhir.RapportExtensions.ITEM_WEIGHT;
import static care.rapport.fhir.RapportExtensions.KIND;
import static care.rapport.fhir.RapportExtensions.LOINC;
import static care.rapport.fhir.RapportExtensions.MAX_TOTAL;
import static care.rapport.fhir.RapportExtensions.MIN_TOTAL;
import static care.rapport.fhir.RapportExtensions.NOTICE;
import static care.rapport.fhir.RapportExtensions.ORDINAL_VALUE;
import static care.rapport.fhir.RapportExtensions.QUESTIONNAIRE_BASE;
import static care.rapport.fhir.RapportExtensions.RELIABLE_CHANGE;
import static care.rapport.fhir.RapportExtensions.REVERSED;
import static care.rapport.fhir.RapportExtensions.SCORING_METHOD;
import static care.rapport.fhir.RapportExtensions.SEVERITY_BAND;
import static care.rapport.fhir.RapportExtensions.SUBSCALE;
import static care.rapport.fhir.RapportExtensions.TOTAL_CODE;
import static care.rapport.fhir.RapportExtensions.VALIDATED;

/**
 * Instrument definitions as FHIR R4 Questionnaires and back. Each item becomes a required {@code choice}
 * item whose answer options are codings (code = the value, display = the label) carrying the value as
 * an {@link RapportExtensions#ORDINAL_VALUE}, so any FHIR tool can add up a score; what only Rapport
 * uses (kind, direction, bands, cut-off, reliable change, critical items...) travels in
 * {@link RapportExtensions}. {@code fromQuestionnaire(toQuestionnaire(d))} equals {@code d}.
 */
@Component
public class QuestionnaireMapper {

	public Questionnaire toQuestionnaire(InstrumentDefinition definition) {
		var questionnaire = new Questionnaire();
		questionnaire.setUrl(QUESTIONNAIRE_BASE + definition.code());
		questionnaire.addIdentifier().setSystem(INSTRUMENT_CODE_SYSTEM).setValue(definition.code());
		questionnaire.setVersion(String.valueOf(definition.version()));
		questionnaire.setName(computableName(definition.code()));
		questionnaire.setTitle(definition.title());
		questionnaire.setStatus(PublicationStatus.ACTIVE);
		questionnaire.setDescription(definition.instructions());
		questionnaire.setCopyright(definition.copyright());
		if (definition.loinc().panel() != null) {
			questionnaire.addCode(loinc(definition.loinc().panel(), definition.title()));
		}
		questionnaire.addExtension(KIND, new CodeType(definition.kind().name()));
		questionnaire.addExtension(DIRECTION, new CodeType(definition.direction().name()));
		questionnaire.addExtension(SCORING_METHOD, new CodeType(definition.scoringMethod().name()));
		questionnaire.addExtension(MIN_TOTAL, new DecimalType(definition.minTotal()));
		questionnaire.addExtension(MAX_TOTAL, new DecimalType(definition.maxTotal()));
		if (definition.loinc().total() != null) {
			questionnaire.addExtension(TOTAL_CODE, loinc(definition.loinc().total(), null));
		}
		for (SeverityBand band : definition.bands()) {
			Extension extension = questionnaire.addExtension().setUrl(SEVERITY_BAND);
			extension.addExtension("from", new DecimalType(band.from()));
			extension.addExtension("to", new DecimalType(band.to()));
			extension.addExtension("label", new StringType(band.label()));
		}
		questionnaire.addExtension(CLINICAL_CUT_OFF, new DecimalType(definition.clinicalCutOff()));
		ReliableChange reliableChange = definition.reliableChange();
		if (reliableChange != null) {
			Extension extension = questionnaire.addExtension().setUrl(RELIABLE_CHANGE);
			addDecimal(extension, "threshold", reliableChange.threshold());
			addDecimal(extension, "reliability", reliableChange.reliability());
			addDecimal(extension, "reference-sd", reliableChange.referenceSd());
		}
		for (CriticalItem critical : definition.criticalItems()) {
			Extension extension = questionnaire.addExtension().setUrl(CRITICAL_ITEM);
			extension.addExtension("item", new StringType(critical.itemId()));
			extension.addExtension("threshold", new IntegerType(critical.threshold()));
			extension.addExtension("severity", new CodeType(critical.severity().name()));
			extension.addExtension("message", new StringType(critical.message()));
		}
		for (Subscale subscale : definition.subscales()) {
			Extension extension = questionnaire.addExtension().setUrl(SUBSCALE);
			extension.addExtension("name", new StringType(subscale.name()));
			subscale.itemIds().forEach(id -> extension.addExtension("item", new StringType(id)));
			extension.addExtension("scoring", new CodeType(subscale.method().name()));
		}
		questionnaire.addExtension(VALIDATED, new BooleanType(definition.validated()));
		if (definition.notice() != null) {
			questionnaire.addExtension(NOTICE, new StringType(definition.notice()));
		}
		definition.items().forEach(item -> questionnaire.addItem(item(item)));
		return questionnaire;
	}

	/**
	 * Reads an instrument definition from a Questionnaire, e.g. one written by {@link #toQuestionnaire}
	 * and edited. First the Questionnaire's shape is checked (choice items, an ordinal value on every
	 * answer, Rapport's extensions present and of the right type), then the definition's own rules.
	 * @throws QuestionnaireFormatException naming every wrong element; nothing partial is returned
	 */
	public InstrumentDefinition fromQuestionnaire(Questionnaire questionnaire) {
		var reading = new Reading();
		reading.refuseModifierExtensions("Questionnaire", questionnaire.getModifierExtension());
		reading.allowOnlyKnown("Questionnaire", questionnaire.getExtension(), RapportExtensions.ON_QUESTIONNAIRE);
		List<Extension> extensions = questionnaire.getExtension();
		String code = code(questionnaire, reading);
		int version = version(questionnaire, reading);
		InstrumentKind kind = reading.choice(extensions, KIND, InstrumentKind.class);
		Direction direction = reading.choice(extensions, DIRECTION, Direction.class);
		ScoringMethod scoring = reading.choice(extensions, SCORING_METHOD, ScoringMethod.class);
		List<Item> items = items(questionnaire, reading);
		List<Subscale> subscales = reading.each(extensions, SUBSCALE, (parts, path) -> {
			parts.allowOnly(path, "name", "item", "scoring");
			return new Subscale(parts.text(path, "name"), parts.texts(path, "item"),
					parts.choice(path, "scoring", ScoringMethod.class));
		});
		BigDecimal minTotal = reading.decimal(extensions, MIN_TOTAL);
		BigDecimal maxTotal = reading.decimal(extensions, MAX_TOTAL);
		List<SeverityBand> bands = reading.each(extensions, SEVERITY_BAND, (parts, path) -> {
			parts.allowOnly(path, "from", "to", "label");
			return new SeverityBand(parts.decimal(path, "from"), parts.decimal(path, "to"), parts.text(path, "label"));
		});
		BigDecimal clinicalCutOff = reading.decimal(extensions, CLINICAL_CUT_OFF);
		ReliableChange reliableChange = reading.optional(extensions, RELIABLE_CHANGE, (parts, path) -> {
			parts.allowOnly(path, "threshold", "reliability", "reference-sd");
			return new ReliableChange(parts.optionalDecimal(path, "threshold"),
					parts.optionalDecimal(path, "reliability"), parts.optionalDecimal(path, "reference-sd"));
		});
		List<CriticalItem> criticalItems = reading.each(extensions, CRITICAL_ITEM, (parts, path) -> {
			parts.allowOnly(path, "item", "threshold", "severity", "message");
			return new CriticalItem(parts.text(path, "item"), parts.whole(path, "threshold"),
					parts.choice(path, "severity", CriticalSeverity.class), parts.text(path, "message"));
		});
		var loinc = new LoincCodes(loincCode(questionnaire.getCode(), "Questionnaire.code", reading),
				reading.optionalLoinc(extensions, TOTAL_CODE));
		boolean validated = reading.flag(extensions, VALIDATED);
		String notice = reading.optionalText(extensions, NOTICE);
		reading.throwIfAny();
		try {
			return new InstrumentDefinition(code, version, orEmpty(questionnaire.getTitle()),
					orEmpty(questionnaire.getDescription()), kind, direction, scoring, items, subscales, minTotal,
					maxTotal, bands, clinicalCutOff, reliableChange, criticalItems, loinc,
					orEmpty(questionnaire.getCopyright()), validated, notice);
		}
		catch (InstrumentFormatException ex) {
			throw QuestionnaireFormatException.of(ex);
		}
	}

	private static QuestionnaireItemComponent item(Item item) {
		var component = new QuestionnaireItemComponent();
		component.setLinkId(item.id());
		component.setText(item.text());
		component.setType(QuestionnaireItemType.CHOICE);
		component.setRequired(true);
		if (item.loinc() != null) {
			component.addCode(loinc(item.loinc(), null));
		}
		if (item.reversed()) {
			component.addExtension(REVERSED, new BooleanType(true));
		}
		for (AnswerOption answer : item.answers()) {
			var coding = new Coding().setCode(String.valueOf(answer.value())).setDisplay(answer.label());
			coding.addExtension(ORDINAL_VALUE, new DecimalType(answer.value()));
			component.addAnswerOption().setValue(coding);
		}
		return component;
	}

	private static String code(Questionnaire questionnaire, Reading reading) {
		List<Identifier> codes = questionnaire.getIdentifier()
			.stream()
			.filter(identifier -> INSTRUMENT_CODE_SYSTEM.equals(identifier.getSystem()))
			.toList();
		if (codes.isEmpty()) {
			reading.add("Questionnaire.identifier", "no identifier with system " + INSTRUMENT_CODE_SYSTEM
					+ "; its value is the instrument's code, e.g. PHQ-9");
			return "";
		}
		if (codes.size() > 1) {
			reading.add("Questionnaire.identifier", "more than one identifier with system " + INSTRUMENT_CODE_SYSTEM);
		}
		return orEmpty(codes.get(0).getValue());
	}

	private static int version(Questionnaire questionnaire, Reading reading) {
		String version = questionnaire.getVersion();
		if (version == null || version.isBlank()) {
			reading.add("Questionnaire.version", "missing; Rapport numbers versions 1, 2, 3 and so on");
			return 0;
		}
		try {
			return Integer.parseInt(version.strip());
		}
		catch (NumberFormatException ex) {
			reading.add("Questionnaire.version", "'" + version + "' is not a whole number; Rapport numbers versions "
					+ "1, 2, 3 and so on");
			return 0;
		}
	}

	private static List<Item> items(Questionnaire questionnaire, Reading reading) {
		if (questionnaire.getItem().isEmpty()) {
			reading.add("Questionnaire.item", "missing; an instrument needs at least one choice item");
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < questionnaire.getItem().size(); i++) {
			QuestionnaireItemComponent item = questionnaire.getItem().get(i);
			String path = "Questionnaire.item[" + i + "]";
			reading.refuseModifierExtensions(path, item.getModifierExtension());
			reading.allowOnlyKnown(path, item.getExtension(), RapportExtensions.ON_ITEM);
			if (item.getType() != QuestionnaireItemType.CHOICE) {
				reading.add(path + ".type", (item.getType() == null ? "missing" : "'" + item.getType().toCode() + "'")
						+ "; every item must be a choice item so that its answers can be scored");
			}
			if (item.hasItem()) {
				reading.add(path + ".item", "nested items are not supported; list every question at the top level");
			}
			if (item.hasAnswerValueSet()) {
				reading.add(path + ".answerValueSet", "not supported; list the answers as answerOption");
			}
			else if (item.getAnswerOption().isEmpty()) {
				reading.add(path + ".answerOption", "missing; list the answers, each with an ordinal value");
			}
			List<AnswerOption> answers = new ArrayList<>();
			for (int j = 0; j < item.getAnswerOption().size(); j++) {
				AnswerOption answer = answer(item.getAnswerOption().get(j), path + ".answerOption[" + j + "]", reading);
				if (answer != null) {
					answers.add(answer);
				}
			}
			Boolean reversed = reading.optionalFlag(item.getExtension(), REVERSED, path);
			items.add(new Item(orEmpty(item.getLinkId()), orEmpty(item.getText()), answers,
					reversed != null && reversed, loincCode(item.getCode(), path + ".code", reading)));
		}
		return items;
	}

	private static @Nullable AnswerOption answer(QuestionnaireItemAnswerOptionComponent option, String path,
			Reading reading) {
		if (!option.hasValueCoding()) {
			reading.add(path, "needs a valueCoding with a code, a display and an ordinal value");
			return null;
		}
		Coding coding = option.getValueCoding();
		List<Extension> ordinals = new ArrayList<>();
		ordinals.addAll(coding.getExtensionsByUrl(ORDINAL_VALUE, ITEM_WEIGHT));
		ordinals.addAll(option.getExtensionsByUrl(ORDINAL_VALUE, ITEM_WEIGHT));
		if (ordinals.isEmpty()) {
			reading.add(path, "no ordinal value; give its valueCoding the extension " + ORDINAL_VALUE
					+ " with the answer's score as valueDecimal");
			return null;
		}
		List<BigDecimal> values = new ArrayList<>();
		for (Extension ordinal : ordinals) {
			BigDecimal value = Reading.number(ordinal.getValue());
			if (value == null) {
				reading.add(path, "the ordinal value must be a valueDecimal");
				return null;
			}
			values.add(value);
		}
		if (values.stream().anyMatch(v -> v.compareTo(values.get(0)) != 0)) {
			reading.add(path, "more than one ordinal value: "
					+ values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ")));
			return null;
		}
		BigDecimal value = values.get(0).stripTrailingZeros();
		if (value.scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			reading.add(path, "ordinal value " + value.toPlainString()
					+ " is not a whole number; Rapport scores whole-number answers");
			return null;
		}
		return new AnswerOption(value.intValueExact(), orEmpty(coding.getDisplay()));
	}

	private static @Nullable String loincCode(List<Coding> codes, String path, Reading reading) {
		List<Coding> loinc = codes.stream().filter(c -> LOINC.equals(c.getSystem())).toList();
		if (loinc.size() > 1) {
			reading.add(path, "more than one LOINC code");
		}
		return loinc.isEmpty() ? null : loinc.get(0).getCode();
	}

	private static Coding loinc(String code, @Nullable String display) {
		return new Coding(LOINC, code, display);
	}

	private static void addDecimal(Extension extension, String part, @Nullable BigDecimal value) {
		if (value != null) {
			extension.addExtension(part, new DecimalType(value));
		}
	}

	/** FHIR names are for machines ({@code [A-Z][A-Za-z0-9_]*}), so PHQ-9 is named PHQ_9. */
	static String computableName(String code) {
		String name = code.replaceAll("[^A-Za-z0-9_]", "_");
		return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "I_" + name : name;
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

	/** Reads Rapport's extensions, collecting every problem with the element's path. */
	private static final class Reading {

		private final List<String> problems = new ArrayList<>();

		void add(String path, String message) {
			String problem = path + ": " + message;
			if (!problems.contains(problem)) {
				problems.add(problem);
			}
		}

		void throwIfAny() {
			if (!problems.isEmpty()) {
				throw new QuestionnaireFormatException(problems);
			}
		}

		void refuseModifierExtensions(String path, List<Extension> modifiers) {
			// FHIR: a modifier extension that is not understood changes the meaning, so it must not be ignored.
			modifiers.forEach(modifier -> add(path + ".modifierExtension",
					"not understood, so the Questionnaire cannot be used safely: " + modifier.getUrl()));
		}

		void allowOnlyKnown(String path, List<Extension> extensions, List<String> known) {
			for (int i = 0; i < extensions.size(); i++) {
				String url = extensions.get(i).getUrl();
				if (url != null && url.startsWith(RapportExtensions.BASE) && !known.contains(url)) {
					add(path + ".extension[" + i + "]", "unknown Rapport extension " + url + "; known here are "
							+ known.stream().map(RapportExtensions::shortName).collect(Collectors.joining(", ")));
				}
			}
		}

		private static List<Extension> byUrl(List<Extension> extensions, String url) {
			return extensions.stream().filter(e -> url.equals(e.getUrl())).toList();
		}

		private static String path(String url) {
			return "Questionnaire.extension:" + RapportExtensions.shortName(url);
		}

		/** The value of an extension that may appear once; null and a problem when it appears more often. */
		private @Nullable Type single(List<Extension> extensions, String url, String path) {
			List<Extension> found = byUrl(extensions, url);
			if (found.size() > 1) {
				add(path, "given " + found.size() + " times; give it once");
			}
			return found.isEmpty() ? null : found.get(0).getValue();
		}

		<E extends Enum<E>> E choice(List<Extension> extensions, String url, Class<E> type) {
			String path = path(url);
			Type value = single(extensions, url, path);
			if (value == null && byUrl(extensions, url).isEmpty()) {
				add(path, "missing; one of " + names(type));
				return type.getEnumConstants()[0];
			}
			return choiceOf(value, path, type);
		}

		<E extends Enum<E>> E choiceOf(@Nullable Type value, String path, Class<E> type) {
			String code = value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
			if (code != null) {
				for (E constant : type.getEnumConstants()) {
					if (constant.name().equals(code.strip())) {
						return constant;
					}
				}
			}
			add(path, (code == null ? "needs a valueCode" : "'" + code + "' is not known") + "; one of "
					+ names(type));
			return type.getEnumConstants()[0];
		}

		BigDecimal decimal(List<Extension> extensions, String url) {
			String path = path(url);
			Type value = single(extensions, url, path);
			if (value == null && byUrl(extensions, url).isEmpty()) {
				add(path, "missing; a valueDecimal");
				return BigDecimal.ZERO;
			}
			return decimalOf(value, path);
		}

		BigDecimal decimalOf(@Nullable Type value, String path) {
			BigDecimal number = number(value);
			if (number == null) {
				add(path, "needs a valueDecimal");
				return BigDecimal.ZERO;
			}
			return number;
		}

		static @Nullable BigDecimal number(@Nullable Type value) {
			if (value instanceof DecimalType decimal && decimal.getValue() != null) {
				return decimal.getValue();
			}
			if (value instanceof IntegerType integer && integer.getValue() != null) {
				return BigDecimal.valueOf(integer.getValue());
			}
			return null;
		}

		boolean flag(List<Extension> extensions, String url) {
			String path = path(url);
			Type value = single(extensions, url, path);
			if (value == null && byUrl(extensions, url).isEmpty()) {
				add(path, "missing; valueBoolean true or false");
				return false;
			}
			return flagOf(value, path);
		}

		@Nullable Boolean optionalFlag(List<Extension> extensions, String url, String itemPath) {
			String path = itemPath + ".extension:" + RapportExtensions.shortName(url);
			Type value = single(extensions, url, path);
			return value == null && byUrl(extensions, url).isEmpty() ? null : flagOf(value, path);
		}

		private boolean flagOf(@Nullable Type value, String path) {
			if (value instanceof BooleanType bool && bool.getValue() != null) {
				return bool.getValue();
			}
			add(path, "needs a valueBoolean");
			return false;
		}

		@Nullable String optionalText(List<Extension> extensions, String url) {
			String path = path(url);
			Type value = single(extensions, url, path);
			if (value == null) {
				if (!byUrl(extensions, url).isEmpty()) {
					add(path, "needs a valueString");
				}
				return null;
			}
			return textOf(value, path);
		}

		String textOf(@Nullable Type value, String path) {
			if (value instanceof PrimitiveType<?> primitive && primitive.getValueAsString() != null) {
				return primitive.getValueAsString();
			}
			add(path, "needs a valueString");
			return "";
		}

		@Nullable String optionalLoinc(List<Extension> extensions, String url) {
			String path = path(url);
			Type value = single(extensions, url, path);
			if (value == null) {
				if (!byUrl(extensions, url).isEmpty()) {
					add(path, "needs a valueCoding with system " + LOINC);
				}
				return null;
			}
			if (value instanceof Coding coding && LOINC.equals(coding.getSystem()) && coding.getCode() != null) {
				return coding.getCode();
			}
			add(path, "needs a valueCoding with system " + LOINC + " and a code");
			return null;
		}

		/** Each occurrence of a complex extension, read by {@code part}, in order. */
		<T> List<T> each(List<Extension> extensions, String url, PartReader<T> part) {
			List<Extension> found = byUrl(extensions, url);
			List<T> read = new ArrayList<>();
			for (int i = 0; i < found.size(); i++) {
				read.add(part.read(new Parts(found.get(i), this), path(url) + "[" + i + "]"));
			}
			return read;
		}

		<T> @Nullable T optional(List<Extension> extensions, String url, PartReader<T> part) {
			List<Extension> found = byUrl(extensions, url);
			if (found.size() > 1) {
				add(path(url), "given " + found.size() + " times; give it once");
			}
			return found.isEmpty() ? null : part.read(new Parts(found.get(0), this), path(url));
		}

		private static String names(Class<? extends Enum<?>> type) {
			return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		}

	}

	@FunctionalInterface
	private interface PartReader<T> {

		T read(Parts parts, String path);

	}

	/** The nested extensions of one complex extension. */
	private record Parts(Extension extension, Reading reading) {

		void allowOnly(String path, String... names) {
			List<String> allowed = List.of(names);
			for (Extension part : extension.getExtension()) {
				if (!allowed.contains(part.getUrl())) {
					reading.add(path + "." + part.getUrl(), "unknown; expected " + String.join(", ", allowed));
				}
			}
		}

		private List<Extension> all(String name) {
			return extension.getExtension().stream().filter(e -> name.equals(e.getUrl())).toList();
		}

		private @Nullable Type one(String path, String name) {
			List<Extension> found = all(name);
			if (found.size() > 1) {
				reading.add(path + "." + name, "given " + found.size() + " times; give it once");
			}
			return found.isEmpty() ? null : found.get(0).getValue();
		}

		String text(String path, String name) {
			Type value = one(path, name);
			if (value == null && all(name).isEmpty()) {
				reading.add(path + "." + name, "missing");
				return "";
			}
			return reading.textOf(value, path + "." + name);
		}

		List<String> texts(String path, String name) {
			List<Extension> found = all(name);
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < found.size(); i++) {
				texts.add(reading.textOf(found.get(i).getValue(), path + "." + name + "[" + i + "]"));
			}
			return texts;
		}

		BigDecimal decimal(String path, String name) {
			Type value = one(path, name);
			if (value == null && all(name).isEmpty()) {
				reading.add(path + "." + name, "missing; a valueDecimal");
				return BigDecimal.ZERO;
			}
			return reading.decimalOf(value, path + "." + name);
		}

		@Nullable BigDecimal optionalDecimal(String path, String name) {
			Type value = one(path, name);
			return value == null && all(name).isEmpty() ? null : reading.decimalOf(value, path + "." + name);
		}

		int whole(String path, String name) {
			BigDecimal number = decimal(path, name).stripTrailingZeros();
			if (number.scale() > 0 || number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
				reading.add(path + "." + name, number.toPlainString() + " is not a whole number");
				return 0;
			}
			return number.intValueExact();
		}

		<E extends Enum<E>> E choice(String path, String name, Class<E> type) {
			Type value = one(path, name);
			if (value == null && all(name).isEmpty()) {
				reading.add(path + "." + name, "missing; one of " + Reading.names(type));
				return type.getEnumConstants()[0];
			}
			return reading.choiceOf(value, path + "." + name, type);
		}

	}

}
