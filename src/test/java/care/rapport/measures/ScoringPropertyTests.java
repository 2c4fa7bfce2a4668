package care.rapport.measures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scoring rules that hold for any valid (or any invalid) set of answers. */
class ScoringPropertyTests {

	private static final Instruments INSTRUMENTS = Instruments.shipped();

	record Answered(InstrumentDefinition definition, Map<String, Integer> answers) {
	}

	@Property
	void totalsStayWithinTheInstrumentsRange(@ForAll("shippedOrGeneratedAnswers") Answered answered) {
		Score score = answered.definition().score(answered.answers());

		assertThat(score.total()).isBetween(answered.definition().minTotal(), answered.definition().maxTotal());
		assertThat(answered.definition().isPossibleTotal(score.total())).isTrue();
	}

	@Property
	void everyPossibleTotalOfABandedInstrumentFallsInExactlyOneBand(
			@ForAll("shippedOrGeneratedAnswers") Answered answered) {
		InstrumentDefinition definition = answered.definition();
		Score score = definition.score(answered.answers());

		long bandsHolding = definition.bands().stream().filter(b -> b.contains(score.total())).count();
		assertThat(bandsHolding).isEqualTo(definition.bands().isEmpty() ? 0 : 1);
	}

	@Property
	void reverseScoringIsAnInvolution(@ForAll("items") Item item) {
		for (AnswerOption answer : item.answers()) {
			int mirrored = item.mirrored(answer.value());
			assertThat(item.accepts(mirrored)).isTrue();
			assertThat(item.mirrored(mirrored)).isEqualTo(answer.value());
		}
	}

	@Property
	void reversingEveryItemAndMirroringEveryAnswerLeavesTheTotalUnchanged(
			@ForAll("generatedAnswers") Answered answered) {
		InstrumentDefinition plain = answered.definition();
		InstrumentDefinition reversed = TestDefinitions.outcome("REVERSED", plain.scoringMethod(), plain.items()
			.stream()
			.map(i -> new Item(i.id(), i.text(), i.answers(), !i.reversed(), i.loinc()))
			.toList());
		Map<String, Integer> mirrored = new HashMap<>();
		plain.items().forEach(i -> mirrored.put(i.id(), i.mirrored(answered.answers().get(i.id()))));

		assertThat(reversed.score(mirrored).total()).isEqualTo(plain.score(answered.answers()).total());
	}

	@Property
	void aValueOutsideAnItemsAnswersIsAlwaysRejected(@ForAll("shippedOrGeneratedAnswers") Answered answered,
			@ForAll int itemChoice, @ForAll int wrongValue) {
		List<Item> items = answered.definition().items();
		Item item = items.get(Math.floorMod(itemChoice, items.size()));
		int value = item.accepts(wrongValue) ? item.highestValue() + 1 + Math.floorMod(wrongValue, 100) : wrongValue;
		Map<String, Integer> answers = new HashMap<>(answered.answers());
		answers.put(item.id(), value);

		InvalidAnswersException refused = catchThrowableOfType(InvalidAnswersException.class,
				() -> answered.definition().score(answers));

		assertThat(refused).isNotNull();
		assertThat(refused.problems()).containsOnlyKeys(item.id());
	}

	@Property
	void anAnswerToAnItemTheInstrumentDoesNotHaveIsAlwaysRejected(
			@ForAll("shippedOrGeneratedAnswers") Answered answered, @ForAll int value) {
		Map<String, Integer> answers = new HashMap<>(answered.answers());
		answers.put("not-an-item", value);

		assertThat(catchThrowableOfType(InvalidAnswersException.class, () -> answered.definition().score(answers))
			.problems()).containsOnlyKeys("not-an-item");
	}

	@Provide
	Arbitrary<Answered> shippedOrGeneratedAnswers() {
		return Arbitraries.oneOf(Arbitraries.of(INSTRUMENTS.all()).flatMap(ScoringPropertyTests::answersTo),
				generatedAnswers());
	}

	@Provide
	Arbitrary<Answered> generatedAnswers() {
		Arbitrary<InstrumentDefinition> definitions = Combinators
			.combine(Arbitraries.of(ScoringMethod.class), items().list().ofMinSize(1).ofMaxSize(8))
			.as((method, items) -> TestDefinitions.outcome("GENERATED", method, withDistinctIds(items)));
		return definitions.flatMap(ScoringPropertyTests::answersTo);
	}

	/** Items with a run of whole-number answers, some reversed. */
	@Provide
	Arbitrary<Item> items() {
		return Combinators
			.combine(Arbitraries.integers().between(-2, 3), Arbitraries.integers().between(1, 10),
					Arbitraries.of(true, false))
			.as((lowest, width, reversed) -> TestDefinitions.item("i", lowest, lowest + width, reversed));
	}

	private static List<Item> withDistinctIds(List<Item> items) {
		return java.util.stream.IntStream.range(0, items.size())
			.mapToObj(n -> new Item("i" + n, items.get(n).text(), items.get(n).answers(), items.get(n).reversed(),
					null))
			.toList();
	}

	private static Arbitrary<Answered> answersTo(InstrumentDefinition definition) {
		List<Arbitrary<Integer>> perItem = definition.items()
			.stream()
			.map(item -> Arbitraries.of(item.answers().stream().map(AnswerOption::value).toList()))
			.toList();
		return Combinators.combine(perItem).as(values -> {
			Map<String, Integer> answers = new HashMap<>();
			for (int i = 0; i < values.size(); i++) {
				answers.put(definition.items().get(i).id(), values.get(i));
			}
			return new Answered(definition, answers);
		});
	}

}
