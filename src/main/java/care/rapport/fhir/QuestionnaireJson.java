package care.rapport.fhir;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.hl7.fhir.r4.model.Questionnaire;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Questionnaires to and from FHIR JSON. Reading is strict: an unknown element, a value of the wrong
 * type or a code FHIR does not define is a problem, not a warning in a log, because whatever a parser
 * quietly skips would be missing from the instrument.
 */
@Component
public class QuestionnaireJson {

	// HAPI prefixes its messages with numeric codes that mean nothing to the person who pasted the JSON.
	private static final String HAPI_MESSAGE_CODE = "HAPI-\\d+: ";

	private final FhirContext fhir;

	public QuestionnaireJson(FhirContext fhir) {
		this.fhir = fhir;
	}

	/** Pretty-printed, so that the downloaded file can be read and edited by hand. */
	public String write(Questionnaire questionnaire) {
		return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(questionnaire);
	}

	/**
	 * @throws QuestionnaireFormatException when the text is not JSON, not a Questionnaire, or breaks
	 * FHIR's rules for one; every problem the parser meets is listed
	 */
	public Questionnaire parse(String json) {
		if (json.isBlank()) {
			throw new QuestionnaireFormatException(List.of("json: empty; paste a FHIR R4 Questionnaire in JSON"));
		}
		var problems = new CollectingErrorHandler();
		// Parsers are cheap and not thread-safe: one per call.
		IParser parser = fhir.newJsonParser().setParserErrorHandler(problems);
		Questionnaire questionnaire;
		try {
			questionnaire = parser.parseResource(Questionnaire.class, json);
		}
		catch (DataFormatException ex) {
			problems.add("json", plain(ex.getMessage()));
			throw new QuestionnaireFormatException(problems.found);
		}
		if (!problems.found.isEmpty()) {
			throw new QuestionnaireFormatException(problems.found);
		}
		return questionnaire;
	}

	private static String plain(@Nullable String message) {
		return String.valueOf(message).replaceAll(HAPI_MESSAGE_CODE, "").replaceAll("\\s*\\R\\s*", " ").strip();
	}

	/** Keeps every parse problem instead of logging it (lenient) or stopping at the first (strict). */
	private static final class CollectingErrorHandler implements IParserErrorHandler {

		private final List<String> found = new ArrayList<>();

		void add(String path, String message) {
			String problem = path + ": " + message;
			if (!found.contains(problem)) {
				found.add(problem);
			}
		}

		private static String at(@Nullable IParseLocation location) {
			String parent = location == null ? null : location.getParentElementName();
			return parent == null || parent.isBlank() ? "Questionnaire" : "Questionnaire (in " + parent + ")";
		}

		@Override
		public void containedResourceWithNoId(@Nullable IParseLocation location) {
			add(at(location), "a contained resource has no id");
		}

		@Override
		public void incorrectJsonType(@Nullable IParseLocation location, String elementName,
				BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
				BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
			add(at(location), elementName + " has the wrong JSON type (expected " + describe(expected, expectedScalar)
					+ ", found " + describe(found, foundScalar) + ")");
		}

		@Override
		public void invalidValue(@Nullable IParseLocation location, String value, String error) {
			add(at(location), "'" + value + "' is not valid: " + plain(error));
		}

		@Override
		public void missingRequiredElement(@Nullable IParseLocation location, String elementName) {
			add(at(location), elementName + " is required");
		}

		@Override
		public void unexpectedRepeatingElement(@Nullable IParseLocation location, String elementName) {
			add(at(location), elementName + " may appear only once");
		}

		@Override
		public void unknownAttribute(@Nullable IParseLocation location, String attributeName) {
			add(at(location), "unknown attribute '" + attributeName + "'");
		}

		@Override
		public void unknownElement(@Nullable IParseLocation location, String elementName) {
			add(at(location), "unknown element '" + elementName + "'");
		}

		@Override
		public void unknownReference(@Nullable IParseLocation location, String reference) {
			add(at(location), "unknown reference '" + reference + "'");
		}

		@Override
		public void invalidInternalReference(@Nullable IParseLocation location, String reference) {
			add(at(location), "reference '" + reference + "' points to nothing in this resource");
		}

		@Override
		public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation location) {
			add(at(location), "an extension has both a value and nested extensions");
		}

		private static String describe(BaseJsonLikeValue.@Nullable ValueType type,
				BaseJsonLikeValue.@Nullable ScalarType scalar) {
			String kind = type == null ? "nothing" : type.name().toLowerCase(java.util.Locale.ROOT);
			return scalar == null ? kind : kind + " " + scalar.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
