package care.rapport.measures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns a complete, valid set of answers into a {@link Score}; refuses anything else as a whole. */
final class ScoreCalculator {

	private ScoreCalculator() {
	}

	static Score score(InstrumentDefinition definition, Map<String, Integer> answers) {
		rejectInvalid(definition, answers);
		BigDecimal total = combine(definition.scoringMethod(), definition.items(), answers);
		Map<String, BigDecimal> subscales = new LinkedHashMap<>();
		for (Subscale subscale : definition.subscales()) {
			List<Item> items = subscale.itemIds().stream().map(id -> definition.item(id).orElseThrow()).toList();
			subscales.put(subscale.name(), combine(subscale.method(), items, answers));
		}
		String band = definition.bandFor(total).map(SeverityBand::label).orElse(null);
		return new Score(definition.code(), definition.version(), total, subscales, band,
				definition.inClinicalRange(total), criticalFindings(definition, answers));
	}

	private static void rejectInvalid(InstrumentDefinition definition, Map<String, Integer> answers) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (Item item : definition.items()) {
			Integer answer = answers.get(item.id());
			if (answer == null) {
				problems.put(item.id(), "missing");
			}
			else if (!item.accepts(answer)) {
				problems.put(item.id(), answer + " is not one of the answers (" + item.acceptedValuesInWords() + ")");
			}
		}
		// Sorted so that the message is the same whatever order the caller's map iterates in.
		for (String id : new TreeSet<>(answers.keySet())) {
			if (definition.item(id).isEmpty()) {
				problems.put(id, "not an item of " + definition.code());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidAnswersException(definition.code(), problems);
		}
	}

	private static BigDecimal combine(ScoringMethod method, List<Item> items, Map<String, Integer> answers) {
		return method.combine(items.stream().map(item -> item.scoredValue(answers.get(item.id()))).toList());
	}

	private static List<CriticalFinding> criticalFindings(InstrumentDefinition definition,
			Map<String, Integer> answers) {
		return definition.criticalItems().stream().filter(c -> c.isTriggeredBy(answers.get(c.itemId()))).map(c -> {
			int value = answers.get(c.itemId());
			String label = definition.item(c.itemId()).flatMap(i -> i.option(value)).orElseThrow().label();
			return new CriticalFinding(c.itemId(), value, label, c.severity(), c.message());
		}).toList();
	}

}
