package care.rapport.measures.web;

import java.util.LinkedHashMap;
import java.util.Map;

import care.rapport.measures.InvalidAnswersException;

/**
 * The answers in a posted questionnaire form, one {@code item.<id>} field per question. A field
 * that is not a number is a problem to show next to its question, not an error page.
 */
record AnswerForm(Map<String, Integer> answers, Map<String, String> problems) {

	private static final String PREFIX = "item.";

	static AnswerForm read(Map<String, String> form) {
		Map<String, Integer> answers = new LinkedHashMap<>();
		Map<String, String> problems = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(PREFIX) && !value.isBlank()) {
				String item = name.substring(PREFIX.length());
				try {
					answers.put(item, Integer.parseInt(value.strip()));
				}
				catch (NumberFormatException ex) {
					problems.put(item, "Choose one of the answers.");
				}
			}
		});
		return new AnswerForm(answers, problems);
	}

	/**
	 * Problems worded for the person at the form. Only missing answers can happen by using the form;
	 * anything else (a value no option has, an unknown question) is a malformed request.
	 * @return item id to message, and whether the request was malformed (400) rather than incomplete
	 */
	static Feedback feedback(Map<String, String> problems) {
		Map<String, String> messages = new LinkedHashMap<>();
		boolean malformed = false;
		for (var problem : problems.entrySet()) {
			boolean missing = problem.getValue().equals("missing");
			malformed |= !missing;
			messages.put(problem.getKey(), missing ? "Please choose an answer." : problem.getValue());
		}
		return new Feedback(messages, malformed);
	}

	record Feedback(Map<String, String> messages, boolean malformed) {
	}

	/** @throws InvalidAnswersException when a field could not be read, before anything is scored */
	Map<String, Integer> readable(String instrumentCode) {
		if (!problems.isEmpty()) {
			throw new InvalidAnswersException(instrumentCode, problems);
		}
		return answers;
	}

}
