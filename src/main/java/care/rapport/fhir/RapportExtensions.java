package care.rapport.fhir;

import java.util.List;

/**
 * Where Rapport's instrument data sit in a FHIR Questionnaire. FHIR has places for the questions, the
 * answers and their numeric values, but not for how Rapport scores and reads a total, so each of those
 * concepts is one extension under {@link #BASE}. Complex extensions carry their parts as nested
 * extensions with the short names given here; list-valued concepts repeat the extension, in order.
 * <ul>
 * <li>{@code instrument-kind} (valueCode OUTCOME | ALLIANCE), {@code score-direction} (valueCode
 * HIGHER_IS_WORSE | HIGHER_IS_BETTER), {@code scoring-method} (valueCode SUM | MEAN)</li>
 * <li>{@code min-total}, {@code max-total}, {@code clinical-cut-off} (valueDecimal)</li>
 * <li>{@code total-code} (valueCoding: the LOINC code of the total score; the panel code is
 * Questionnaire.code)</li>
 * <li>{@code severity-band}, repeating: {@code from}, {@code to} (valueDecimal), {@code label}
 * (valueString)</li>
 * <li>{@code reliable-change}: {@code threshold}, or {@code reliability} and {@code reference-sd}
 * (valueDecimal)</li>
 * <li>{@code critical-item}, repeating: {@code item} (valueString, the item's linkId), {@code threshold}
 * (valueInteger), {@code severity} (valueCode RISK | CONCERN), {@code message} (valueString)</li>
 * <li>{@code subscale}, repeating: {@code name} (valueString), {@code item} (valueString, repeating),
 * {@code scoring} (valueCode SUM | MEAN)</li>
 * <li>{@code validated} (valueBoolean), {@code notice} (valueString)</li>
 * <li>on Questionnaire.item: {@code reversed} (valueBoolean true; absent means not reversed)</li>
 * </ul>
 * The scored value of an answer is FHIR's own {@link #ORDINAL_VALUE} on the answer's valueCoding.
 */
public final class RapportExtensions {

	public static final String BASE = "https://rapport.care/fhir/StructureDefinition/";

	public static final String KIND = BASE + "instrument-kind";

	public static final String DIRECTION = BASE + "score-direction";

	public static final String SCORING_METHOD = BASE + "scoring-method";

	public static final String MIN_TOTAL = BASE + "min-total";

	public static final String MAX_TOTAL = BASE + "max-total";

	public static final String TOTAL_CODE = BASE + "total-code";

	public static final String SEVERITY_BAND = BASE + "severity-band";

	public static final String CLINICAL_CUT_OFF = BASE + "clinical-cut-off";

	public static final String RELIABLE_CHANGE = BASE + "reliable-change";

	public static final String CRITICAL_ITEM = BASE + "critical-item";

	public static final String SUBSCALE = BASE + "subscale";

	public static final String VALIDATED = BASE + "validated";

	public static final String NOTICE = BASE + "notice";

	public static final String REVERSED = BASE + "reversed";

	/** The R4 core extension for the numeric value of a coded answer, e.g. for adding up a score. */
	public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

	/**
	 * R5's name for the same thing. Accepted on import because tools that target both versions write
	 * it; never written.
	 */
	static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

	/** Identifier system of an instrument's code, e.g. PHQ-9. */
	public static final String INSTRUMENT_CODE_SYSTEM = "https://rapport.care/fhir/instrument-code";

	/** Canonical URLs of Rapport's Questionnaires are this followed by the code. */
	public static final String QUESTIONNAIRE_BASE = "https://rapport.care/fhir/Questionnaire/";

	public static final String LOINC = "http://loinc.org";

	static final List<String> ON_QUESTIONNAIRE = List.of(KIND, DIRECTION, SCORING_METHOD, MIN_TOTAL, MAX_TOTAL,
			TOTAL_CODE, SEVERITY_BAND, CLINICAL_CUT_OFF, RELIABLE_CHANGE, CRITICAL_ITEM, SUBSCALE, VALIDATED,
			NOTICE);

	static final List<String> ON_ITEM = List.of(REVERSED);

	private RapportExtensions() {
	}

	/** The short name used in problem paths, e.g. {@code severity-band}. */
	static String shortName(String url) {
		return url.startsWith(BASE) ? url.substring(BASE.length()) : url;
	}

}
