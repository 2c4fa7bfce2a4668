package care.rapport.fhir;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import care.rapport.measures.AnswerOption;
import care.rapport.measures.CriticalItem;
import care.rapport.measures.CriticalSeverity;
import care.rapport.measures.Direction;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.InstrumentKind;
import care.rapport.measures.Item;
import care.rapport.measures.LoincCodes;
import care.rapport.measures.ReliableChange;
import care.rapport.measures.ScoringMethod;
import care.rapport.measures.SeverityBand;
import care.rapport.measures.Subscale;

/**
 * A practice-made instrument that uses what the shipped ones do not: a reversed item, subscales,
 * reliable change from r and SD, decimals with trailing zeros, and a notice.
 */
final class TestInstruments {

	private TestInstruments() {
	}

	static InstrumentDefinition practiceMood(String code, int version) {
		List<AnswerOption> answers = IntStream.rangeClosed(0, 4)
			.mapToObj(v -> new AnswerOption(v, v == 0 ? "Never" : v == 4 ? "Always" : "Level " + v))
			.toList();
		List<Item> items = List.of(new Item("calm", "I felt calm.", answers, true, null),
				new Item("worry", "I worried about things.", answers, false, null),
				new Item("sleep", "I slept badly.", answers, false, "44259-0"));
		return new InstrumentDefinition(code, version, "Practice mood check", "Over the last week, how often...",
				InstrumentKind.OUTCOME, Direction.HIGHER_IS_WORSE, ScoringMethod.SUM, items,
				List.of(new Subscale("Worry and sleep", List.of("worry", "sleep"), ScoringMethod.MEAN),
						new Subscale("Calm", List.of("calm"), ScoringMethod.SUM)),
				BigDecimal.ZERO, new BigDecimal("12"),
				List.of(new SeverityBand(BigDecimal.ZERO, new BigDecimal("5"), "Low"),
						new SeverityBand(new BigDecimal("6"), new BigDecimal("12"), "High")),
				new BigDecimal("6.0"), ReliableChange.fromReliability(new BigDecimal("0.840"), new BigDecimal("3.5")),
				List.of(new CriticalItem("sleep", 4, CriticalSeverity.CONCERN, "Sleeping badly all the time.")),
				LoincCodes.NONE, "© Test practice.", false, "Written by the practice; not validated.");
	}

}
