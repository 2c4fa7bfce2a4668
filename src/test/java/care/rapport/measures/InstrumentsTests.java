package care.rapport.measures;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The definitions Rapport ships load and say what the published instruments say. */
class InstrumentsTests {

	private final Instruments instruments = Instruments.shipped();

	@Test
	void shipsExactlyPhq9Gad7AndTheSessionCheckIn() {
		assertThat(instruments.all()).extracting(InstrumentDefinition::code)
			.containsExactly("CHECK-IN", "GAD-7", "PHQ-9");
	}

	@Test
	void phq9HasNineItemsItsBandsCutOffAndLoincCodes() {
		InstrumentDefinition phq9 = instruments.get("PHQ-9");

		assertThat(phq9.items()).hasSize(9).allSatisfy(item -> assertThat(item.answers()).extracting(
				AnswerOption::value, AnswerOption::label)
			.containsExactly(tuple(0, "Not at all"), tuple(1, "Several days"), tuple(2, "More than half the days"),
					tuple(3, "Nearly every day")));
		assertThat(phq9.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
		assertThat(phq9.kind()).isEqualTo(InstrumentKind.OUTCOME);
		assertThat(phq9.direction()).isEqualTo(Direction.HIGHER_IS_WORSE);
		assertThat(phq9.scoringMethod()).isEqualTo(ScoringMethod.SUM);
		assertThat(phq9.minTotal()).isEqualByComparingTo("0");
		assertThat(phq9.maxTotal()).isEqualByComparingTo("27");
		assertThat(bands(phq9)).containsExactly("0–4 Minimal", "5–9 Mild", "10–14 Moderate",
				"15–19 Moderately severe", "20–27 Severe");
		assertThat(phq9.clinicalCutOff()).isEqualByComparingTo("10");
		assertThat(phq9.reliableChange()).isEqualTo(ReliableChange.fixed(new BigDecimal("6")));
		assertThat(phq9.loinc()).isEqualTo(new LoincCodes("44249-1", "44261-6"));
		assertThat(phq9.items()).filteredOn(item -> item.loinc() != null)
			.extracting(Item::id, Item::loinc)
			.containsExactly(tuple("q9", "44260-8"));
		assertThat(phq9.validated()).isTrue();
		assertThat(phq9.copyright())
			.startsWith("Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues");
	}

	@Test
	void phq9ItemNineIsACriticalRiskItemFromSeveralDays() {
		InstrumentDefinition phq9 = instruments.get("PHQ-9");

		assertThat(phq9.item("q9")).get()
			.extracting(Item::text)
			.isEqualTo("Thoughts that you would be better off dead or of hurting yourself in some way");
		assertThat(phq9.criticalItems()).singleElement().satisfies(critical -> {
			assertThat(critical.itemId()).isEqualTo("q9");
			assertThat(critical.threshold()).isEqualTo(1);
			assertThat(critical.severity()).isEqualTo(CriticalSeverity.RISK);
			assertThat(critical.message()).isNotBlank();
		});
	}

	@Test
	void gad7HasSevenItemsItsBandsCutOffAndLoincCodes() {
		InstrumentDefinition gad7 = instruments.get("GAD-7");

		assertThat(gad7.items()).hasSize(7).allSatisfy(item -> assertThat(item.answers()).hasSize(4));
		assertThat(gad7.instructions())
			.isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
		assertThat(gad7.maxTotal()).isEqualByComparingTo("21");
		assertThat(bands(gad7)).containsExactly("0–4 Minimal", "5–9 Mild", "10–14 Moderate", "15–21 Severe");
		assertThat(gad7.clinicalCutOff()).isEqualByComparingTo("8");
		assertThat(gad7.reliableChange()).isEqualTo(ReliableChange.fixed(new BigDecimal("4")));
		assertThat(gad7.loinc()).isEqualTo(new LoincCodes("69737-5", "70274-6"));
		assertThat(gad7.items()).allSatisfy(item -> assertThat(item.loinc()).isNull());
		assertThat(gad7.criticalItems()).isEmpty();
	}

	@Test
	void sessionCheckInIsUnvalidatedAllianceFeedbackRatedFromZeroToTen() {
		InstrumentDefinition checkIn = instruments.get("CHECK-IN");

		assertThat(checkIn.kind()).isEqualTo(InstrumentKind.ALLIANCE);
		assertThat(checkIn.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
		assertThat(checkIn.scoringMethod()).isEqualTo(ScoringMethod.MEAN);
		assertThat(checkIn.items()).hasSize(4).allSatisfy(item -> {
			assertThat(item.answers()).extracting(AnswerOption::value)
				.containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
			assertThat(item.answers().get(0).label()).isEqualTo("Not at all");
			assertThat(item.answers().get(5).label()).isEqualTo("5");
			assertThat(item.answers().get(10).label()).isEqualTo("Completely");
		});
		assertThat(checkIn.bands()).isEmpty();
		assertThat(checkIn.clinicalCutOff()).isEqualByComparingTo("9");
		assertThat(checkIn.reliableChange()).isNull();
		assertThat(checkIn.validated()).isFalse();
		assertThat(checkIn.notice()).isEqualTo("Practice feedback written for Rapport, not a validated scale.");
		assertThat(checkIn.copyright()).isEqualTo("© Rapport contributors. Free to use.");
		assertThat(checkIn.loinc()).isEqualTo(LoincCodes.NONE);
	}

	@Test
	void loadsTheShippedFilesWhenSpringCreatesIt() {
		try (var context = new AnnotationConfigApplicationContext(Instruments.class)) {
			assertThat(context.getBean(Instruments.class).all()).hasSize(3);
		}
	}

	@Test
	void findsInstrumentsWhateverTheCaseOfTheCode() {
		assertThat(instruments.find("phq-9")).get().extracting(InstrumentDefinition::code).isEqualTo("PHQ-9");
		assertThat(instruments.find("BDI-II")).isEmpty();
	}

	@Test
	void refusesToGetAnUnknownInstrumentAndListsTheKnownOnes() {
		assertThatThrownBy(() -> instruments.get("BDI-II")).isInstanceOf(NoSuchElementException.class)
			.hasMessageContaining("BDI-II")
			.hasMessageContaining("PHQ-9");
	}

	@Test
	void parsesAnUploadedDefinitionWithoutAddingIt() {
		String json = """
				{"code": "ONE", "version": 2, "title": "One", "instructions": "Rate it.", "kind": "ALLIANCE",
				 "direction": "HIGHER_IS_BETTER", "scoring": "SUM",
				 "items": [{"id": "a", "text": "A",
				            "answers": [{"value": 0, "label": "No"}, {"value": 1, "label": "Yes"}]}],
				 "minTotal": 0, "maxTotal": 1, "clinicalCutOff": 1, "copyright": "Test only.", "validated": true}
				""";

		InstrumentDefinition parsed = instruments
			.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

		assertThat(parsed.code()).isEqualTo("ONE");
		assertThat(parsed.version()).isEqualTo(2);
		assertThat(instruments.find("ONE")).isEmpty();
	}

	@Test
	void refusesTwoDefinitionsWithTheSameCode() {
		InstrumentDefinition phq9 = instruments.get("PHQ-9");

		assertThatThrownBy(() -> Instruments.of(phq9, phq9)).hasMessageContaining("PHQ-9");
	}

	private static List<String> bands(InstrumentDefinition definition) {
		return definition.bands().stream().map(b -> b.from() + "–" + b.to() + " " + b.label()).toList();
	}

}
