package care.rapport.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A questionnaire, read from data rather than written in code. A definition is always valid: the
 * constructor checks every rule and throws {@link InstrumentFormatException} naming each wrong field.
 *
 * @param code short unique code in capitals, e.g. {@code PHQ-9}
 * @param version revision of this definition in Rapport; responses record the version they answered
 * @param instructions the short stem shown to the client above the items
 * @param minTotal lowest possible total; must match what the items and scoring method allow
 * @param maxTotal highest possible total; must match what the items and scoring method allow
 * @param bands severity bands covering {@code minTotal..maxTotal} without gaps, or none
 * @param clinicalCutOff the total at or above which (for {@link Direction#HIGHER_IS_WORSE}, below which
 * for {@link Direction#HIGHER_IS_BETTER}) the client is in the clinical range
 * @param reliableChange required for {@link InstrumentKind#OUTCOME} instruments
 * @param validated whether this is a published, validated scale
 * @param notice what staff should know about the instrument, required when it is not validated
 */
public record InstrumentDefinition(String code, int version, String title, String instructions, InstrumentKind kind,
		Direction direction, ScoringMethod scoringMethod, List<Item> items, List<Subscale> subscales,
		BigDecimal minTotal, BigDecimal maxTotal, List<SeverityBand> bands, BigDecimal clinicalCutOff,
		@Nullable ReliableChange reliableChange, List<CriticalItem> criticalItems, LoincCodes loinc,
		String copyright, boolean validated, @Nullable String notice) {

	public InstrumentDefinition(String code, int version, String title, String instructions, InstrumentKind kind,
			Direction direction, ScoringMethod scoringMethod, List<Item> items, List<Subscale> subscales,
			BigDecimal minTotal, BigDecimal maxTotal, List<SeverityBand> bands, BigDecimal clinicalCutOff,
			@Nullable ReliableChange reliableChange, List<CriticalItem> criticalItems, LoincCodes loinc,
			String copyright, boolean validated, @Nullable String notice) {
		this.code = Objects.requireNonNull(code, "code");
		this.version = version;
		this.title = Objects.requireNonNull(title, "title");
		this.instructions = Objects.requireNonNull(instructions, "instructions");
		this.kind = Objects.requireNonNull(kind, "kind");
		this.direction = Objects.requireNonNull(direction, "direction");
		this.scoringMethod = Objects.requireNonNull(scoringMethod, "scoringMethod");
		this.items = List.copyOf(items);
		this.subscales = List.copyOf(subscales);
		this.minTotal = Objects.requireNonNull(minTotal, "minTotal");
		this.maxTotal = Objects.requireNonNull(maxTotal, "maxTotal");
		this.bands = List.copyOf(bands);
		this.clinicalCutOff = Objects.requireNonNull(clinicalCutOff, "clinicalCutOff");
		this.reliableChange = reliableChange;
		this.criticalItems = List.copyOf(criticalItems);
		this.loinc = Objects.requireNonNull(loinc, "loinc");
		this.copyright = Objects.requireNonNull(copyright, "copyright");
		this.validated = validated;
		this.notice = notice;
		List<String> problems = DefinitionRules.problemsOf(this);
		if (!problems.isEmpty()) {
			throw new InstrumentFormatException(problems);
		}
	}

	/**
	 * Scores one complete set of answers, keyed by item id.
	 * @throws InvalidAnswersException when any answer is missing, names an unknown item or is not one
	 * of its item's values; every problem is listed and nothing is scored
	 */
	public Score score(Map<String, Integer> answers) {
		return ScoreCalculator.score(this, answers);
	}

	/**
	 * Compares a first and a latest total of this instrument.
	 * @see ChangeAssessment#assess(InstrumentDefinition, double, double)
	 */
	public ChangeAssessment assessChange(double first, double latest) {
		return ChangeAssessment.assess(this, first, latest);
	}

	public Optional<Item> item(String id) {
		return items.stream().filter(i -> i.id().equals(id)).findFirst();
	}

	public boolean isPossibleTotal(BigDecimal total) {
		return minTotal.compareTo(total) <= 0 && total.compareTo(maxTotal) <= 0;
	}

	public boolean inClinicalRange(BigDecimal total) {
		return direction.isClinical(total, clinicalCutOff);
	}

	public Optional<SeverityBand> bandFor(BigDecimal total) {
		return bands.stream().filter(b -> b.contains(total)).findFirst();
	}

	public boolean hasReliableChange() {
		return reliableChange != null;
	}

}
