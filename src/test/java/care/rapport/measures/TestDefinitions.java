package care.rapport.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/** Small definitions built in code, for rules that the shipped instruments do not exercise. */
final class TestDefinitions {

	private TestDefinitions() {
	}

	/** An item answered with every whole number from {@code lowest} to {@code highest}. */
	static Item item(String id, int lowest, int highest, boolean reversed) {
		List<AnswerOption> answers = IntStream.rangeClosed(lowest, highest)
			.mapToObj(v -> new AnswerOption(v, "value " + v))
			.toList();
		return new Item(id, "Item " + id, answers, reversed, null);
	}

	/**
	 * An OUTCOME instrument over {@code items} with the totals they allow, no bands, the cut-off at the
	 * lowest total and a fixed reliable-change threshold of the smallest step.
	 */
	static InstrumentDefinition outcome(String code, ScoringMethod method, List<Item> items) {
		BigDecimal min = method.combine(items.stream().map(Item::lowestValue).toList());
		BigDecimal max = method.combine(items.stream().map(Item::highestValue).toList());
		return new InstrumentDefinition(code, 1, "Test " + code, "Answer each item.", InstrumentKind.OUTCOME,
				Direction.HIGHER_IS_WORSE, method, items, List.of(), min, max, List.of(), min,
				ReliableChange.fixed(method.resolution()), List.of(), LoincCodes.NONE, "Test only.", false,
				"Test only, not a validated scale.");
	}

	/** The same instrument with reliable change worked out from r and SD instead. */
	static InstrumentDefinition withReliability(InstrumentDefinition d, String reliability, String referenceSd) {
		return withReliableChange(d,
				ReliableChange.fromReliability(new BigDecimal(reliability), new BigDecimal(referenceSd)));
	}

	static InstrumentDefinition withReliableChange(InstrumentDefinition d, ReliableChange reliableChange) {
		return new InstrumentDefinition(d.code(), d.version(), d.title(), d.instructions(), d.kind(), d.direction(),
				d.scoringMethod(), d.items(), d.subscales(), d.minTotal(), d.maxTotal(), d.bands(), d.clinicalCutOff(),
				reliableChange, d.criticalItems(), d.loinc(), d.copyright(), d.validated(), d.notice());
	}

	static InstrumentDefinition withDirection(InstrumentDefinition d, Direction direction) {
		return new InstrumentDefinition(d.code(), d.version(), d.title(), d.instructions(), d.kind(), direction,
				d.scoringMethod(), d.items(), d.subscales(), d.minTotal(), d.maxTotal(), d.bands(), d.clinicalCutOff(),
				d.reliableChange(), d.criticalItems(), d.loinc(), d.copyright(), d.validated(), d.notice());
	}

	static InstrumentDefinition withSubscales(InstrumentDefinition d, List<Subscale> subscales) {
		return new InstrumentDefinition(d.code(), d.version(), d.title(), d.instructions(), d.kind(), d.direction(),
				d.scoringMethod(), d.items(), subscales, d.minTotal(), d.maxTotal(), d.bands(), d.clinicalCutOff(),
				d.reliableChange(), d.criticalItems(), d.loinc(), d.copyright(), d.validated(), d.notice());
	}

}
