package care.rapport.fhir;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.measures.InstrumentFormatException;

/**
 * A Questionnaire Rapport cannot use as an instrument. Each problem names the element it is about, as
 * {@code Questionnaire.item[2].answerOption[1]: no ordinal value}, with list indexes counted from 0 and
 * Rapport's extensions by their short name ({@code Questionnaire.extension:severity-band[0].to}), so an
 * author can fix them all in one go.
 */
public class QuestionnaireFormatException extends RuntimeException {

	/** Fields of a measures definition and the Questionnaire elements they are read from. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("code", "Questionnaire.identifier"),
			Map.entry("version", "Questionnaire.version"), Map.entry("title", "Questionnaire.title"),
			Map.entry("instructions", "Questionnaire.description"),
			Map.entry("copyright", "Questionnaire.copyright"), Map.entry("items", "Questionnaire.item"),
			Map.entry("minTotal", extension(RapportExtensions.MIN_TOTAL)),
			Map.entry("maxTotal", extension(RapportExtensions.MAX_TOTAL)),
			Map.entry("bands", extension(RapportExtensions.SEVERITY_BAND)),
			Map.entry("clinicalCutOff", extension(RapportExtensions.CLINICAL_CUT_OFF)),
			Map.entry("reliableChange", extension(RapportExtensions.RELIABLE_CHANGE)),
			Map.entry("criticalItems", extension(RapportExtensions.CRITICAL_ITEM)),
			Map.entry("subscales", extension(RapportExtensions.SUBSCALE)),
			Map.entry("notice", extension(RapportExtensions.NOTICE)),
			Map.entry("validated", extension(RapportExtensions.VALIDATED)),
			Map.entry("loinc.panel", "Questionnaire.code"),
			Map.entry("loinc.total", extension(RapportExtensions.TOTAL_CODE)));

	/** Parts of list entries: an item's fields and the nested extensions of complex ones. */
	private static final Map<String, String> PARTS = Map.of("id", "linkId", "answers", "answerOption", "loinc",
			"code", "reversed", "extension:reversed", "referenceSd", "reference-sd", "items", "item");

	private static final Pattern FIRST = Pattern.compile("^([A-Za-z]+(?:\\.(?:panel|total))?)(.*)$");

	private static final Pattern PART = Pattern.compile("\\.([A-Za-z]+)");

	private final List<String> problems;

	public QuestionnaireFormatException(List<String> problems) {
		super("Unusable Questionnaire: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems of a definition read from a Questionnaire, each renamed to the Questionnaire element it
	 * came from, e.g. {@code bands[1].to} becomes {@code Questionnaire.extension:severity-band[1].to}.
	 */
	static QuestionnaireFormatException of(InstrumentFormatException ex) {
		var translated = new QuestionnaireFormatException(
				ex.problems().stream().map(QuestionnaireFormatException::inQuestionnaireTerms).toList());
		translated.initCause(ex);
		return translated;
	}

	/** One entry per wrong element, as {@code path: what is wrong}. */
	public List<String> problems() {
		return problems;
	}

	static String inQuestionnaireTerms(String problem) {
		int colon = problem.indexOf(": ");
		if (colon < 0) {
			return "Questionnaire: " + problem;
		}
		String path = problem.substring(0, colon);
		Matcher first = FIRST.matcher(path);
		String root = first.matches() ? FIELDS.get(first.group(1)) : null;
		if (root == null) {
			return "Questionnaire: " + problem;
		}
		String rest = first.group(2);
		if (first.group(1).equals("items")) {
			// An answer's label is the display of its coding.
			rest = rest.replaceAll("\\.answers(\\[\\d+])\\.label$", ".answerOption$1.valueCoding.display");
		}
		Matcher parts = PART.matcher(rest);
		StringBuilder renamed = new StringBuilder();
		while (parts.find()) {
			parts.appendReplacement(renamed,
					Matcher.quoteReplacement("." + PARTS.getOrDefault(parts.group(1), parts.group(1))));
		}
		parts.appendTail(renamed);
		return root + renamed + problem.substring(colon);
	}

	private static String extension(String url) {
		return "Questionnaire.extension:" + RapportExtensions.shortName(url);
	}

}
