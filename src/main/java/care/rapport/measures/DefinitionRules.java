package care.rapport.measures;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules a definition must follow, checked all at once so that every wrong field is named.
 * Paths follow the JSON layout, with list indexes counted from 0.
 */
final class DefinitionRules {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_-]+");

	private final InstrumentDefinition d;

	private final Problems problems = new Problems();

	private DefinitionRules(InstrumentDefinition definition) {
		this.d = definition;
	}

	static List<String> problemsOf(InstrumentDefinition definition) {
		DefinitionRules rules = new DefinitionRules(definition);
		rules.checkDescription();
		boolean itemsUsable = rules.checkItems();
		if (itemsUsable) {
			rules.checkTotals();
			rules.checkSubscales();
			rules.checkCriticalItems();
		}
		rules.checkBands();
		rules.checkCutOff();
		rules.checkReliableChange();
		rules.checkLoinc("loinc.panel", definition.loinc().panel());
		rules.checkLoinc("loinc.total", definition.loinc().total());
		return rules.problems.list();
	}

	private void checkDescription() {
		if (d.code().isBlank()) {
			problems.add("code", "missing");
		}
		else if (!CODE.matcher(d.code()).matches()) {
			problems.add("code", "'" + d.code() + "' should be capitals, digits and hyphens, e.g. PHQ-9");
		}
		if (d.version() < 1) {
			problems.add("version", "must be 1 or more");
		}
		requireText("title", d.title());
		requireText("instructions", d.instructions());
		requireText("copyright", d.copyright());
		if (!d.validated() && (d.notice() == null || d.notice().isBlank())) {
			problems.add("notice", "missing; say why staff should read results with care when validated is false");
		}
	}

	/** True when every item has answers, so totals can be worked out. */
	private boolean checkItems() {
		if (d.items().isEmpty()) {
			problems.add("items", "empty");
			return false;
		}
		boolean usable = true;
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < d.items().size(); i++) {
			Item item = d.items().get(i);
			String path = "items[" + i + "]";
			if (item.id().isBlank()) {
				problems.add(path + ".id", "missing");
			}
			else if (!ITEM_ID.matcher(item.id()).matches()) {
				problems.add(path + ".id", "'" + item.id() + "' should be letters, digits, hyphens or underscores");
			}
			else if (!ids.add(item.id())) {
				problems.add(path + ".id", item.id() + " is used by an earlier item too");
			}
			requireText(path + ".text", item.text());
			usable &= checkAnswers(path, item);
			checkLoinc(path + ".loinc", item.loinc());
		}
		return usable;
	}

	private boolean checkAnswers(String path, Item item) {
		if (item.answers().isEmpty()) {
			problems.add(path + ".answers", "empty");
			return false;
		}
		Set<Integer> values = new HashSet<>();
		for (int j = 0; j < item.answers().size(); j++) {
			AnswerOption answer = item.answers().get(j);
			if (!values.add(answer.value())) {
				problems.add(path + ".answers", "value " + answer.value() + " is listed twice");
			}
			requireText(path + ".answers[" + j + "].label", answer.label());
		}
		if (item.reversed() && !values.stream().allMatch(v -> values.contains(item.mirrored(v)))) {
			problems.add(path + ".reversed",
					"the answer values are not evenly mirrored, so lowest + highest - value is not always an answer");
		}
		return values.size() == item.answers().size();
	}

	private void checkTotals() {
		BigDecimal lowest = d.scoringMethod().combine(d.items().stream().map(Item::lowestValue).toList());
		BigDecimal highest = d.scoringMethod().combine(d.items().stream().map(Item::highestValue).toList());
		if (d.minTotal().compareTo(lowest) != 0) {
			problems.add("minTotal", Numbers.plain(d.minTotal()) + " does not match the items (lowest possible "
					+ d.scoringMethod() + " is " + Numbers.plain(lowest) + ")");
		}
		if (d.maxTotal().compareTo(highest) != 0) {
			problems.add("maxTotal", Numbers.plain(d.maxTotal()) + " does not match the items (highest possible "
					+ d.scoringMethod() + " is " + Numbers.plain(highest) + ")");
		}
	}

	private void checkSubscales() {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < d.subscales().size(); i++) {
			Subscale subscale = d.subscales().get(i);
			String path = "subscales[" + i + "]";
			if (subscale.name().isBlank()) {
				problems.add(path + ".name", "missing");
			}
			else if (!names.add(subscale.name())) {
				problems.add(path + ".name", subscale.name() + " is used by an earlier subscale too");
			}
			if (subscale.itemIds().isEmpty()) {
				problems.add(path + ".items", "empty");
			}
			Set<String> seen = new HashSet<>();
			for (String id : subscale.itemIds()) {
				if (d.item(id).isEmpty()) {
					problems.add(path + ".items", "no item " + id);
				}
				else if (!seen.add(id)) {
					problems.add(path + ".items", id + " is listed twice");
				}
			}
		}
	}

	private void checkCriticalItems() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < d.criticalItems().size(); i++) {
			CriticalItem critical = d.criticalItems().get(i);
			String path = "criticalItems[" + i + "]";
			d.item(critical.itemId()).ifPresentOrElse(item -> {
				if (!seen.add(item.id())) {
					problems.add(path + ".item", item.id() + " is listed twice");
				}
				if (!item.accepts(critical.threshold())) {
					problems.add(path + ".threshold", critical.threshold() + " is not one of the answers of "
							+ item.id() + " (" + item.acceptedValuesInWords() + ")");
				}
			}, () -> problems.add(path + ".item", "no item " + critical.itemId()));
			requireText(path + ".message", critical.message());
		}
	}

	private void checkBands() {
		BigDecimal step = d.scoringMethod().resolution();
		for (int i = 0; i < d.bands().size(); i++) {
			SeverityBand band = d.bands().get(i);
			String path = "bands[" + i + "]";
			requireText(path + ".label", band.label());
			requireStep(path + ".from", band.from(), step);
			requireStep(path + ".to", band.to(), step);
			if (band.to().compareTo(band.from()) < 0) {
				problems.add(path + ".to", Numbers.plain(band.to()) + " is below from " + Numbers.plain(band.from()));
			}
			if (i > 0) {
				checkNeighbours(d.bands().get(i - 1), band, step);
			}
		}
		if (!d.bands().isEmpty()) {
			SeverityBand first = d.bands().get(0);
			SeverityBand last = d.bands().get(d.bands().size() - 1);
			if (first.from().compareTo(d.minTotal()) != 0) {
				problems.add("bands", "the first band starts at " + Numbers.plain(first.from())
						+ ", not at the lowest total " + Numbers.plain(d.minTotal()));
			}
			if (last.to().compareTo(d.maxTotal()) != 0) {
				problems.add("bands", "the last band ends at " + Numbers.plain(last.to())
						+ ", not at the highest total " + Numbers.plain(d.maxTotal()));
			}
		}
	}

	private void checkNeighbours(SeverityBand before, SeverityBand after, BigDecimal step) {
		int order = after.from().compareTo(before.to().add(step));
		if (order > 0) {
			problems.add("bands", "gap between " + Numbers.plain(before.to()) + " and " + Numbers.plain(after.from()));
		}
		else if (order < 0) {
			problems.add("bands", "overlap: " + inWords(after) + " starts before " + inWords(before) + " ends");
		}
	}

	private static String inWords(SeverityBand band) {
		return band.label() + " (" + Numbers.plain(band.from()) + "–" + Numbers.plain(band.to()) + ")";
	}

	private void requireStep(String path, BigDecimal value, BigDecimal step) {
		if (value.remainder(step).signum() != 0) {
			problems.add(path, Numbers.plain(value) + " is not a possible " + d.scoringMethod() + " total (steps of "
					+ Numbers.plain(step) + ")");
		}
	}

	private void checkCutOff() {
		if (!d.isPossibleTotal(d.clinicalCutOff())) {
			problems.add("clinicalCutOff", Numbers.plain(d.clinicalCutOff()) + " is outside the possible totals "
					+ Numbers.plain(d.minTotal()) + "–" + Numbers.plain(d.maxTotal()));
		}
	}

	private void checkReliableChange() {
		ReliableChange rc = d.reliableChange();
		if (rc == null) {
			if (d.kind() == InstrumentKind.OUTCOME) {
				problems.add("reliableChange",
						"missing; OUTCOME instruments need a threshold or reliability and referenceSd");
			}
			return;
		}
		boolean fixed = rc.threshold() != null;
		boolean derived = rc.reliability() != null || rc.referenceSd() != null;
		if (fixed && derived) {
			problems.add("reliableChange", "give a threshold or reliability and referenceSd, not both");
		}
		else if (!fixed && (rc.reliability() == null || rc.referenceSd() == null)) {
			problems.add("reliableChange", "give a threshold or reliability and referenceSd");
		}
		BigDecimal range = d.maxTotal().subtract(d.minTotal());
		if (rc.threshold() != null && (rc.threshold().signum() <= 0 || rc.threshold().compareTo(range) > 0)) {
			problems.add("reliableChange.threshold",
					Numbers.plain(rc.threshold()) + " must be more than 0 and at most the range of totals");
		}
		if (rc.reliability() != null
				&& (rc.reliability().signum() <= 0 || rc.reliability().compareTo(BigDecimal.ONE) >= 0)) {
			problems.add("reliableChange.reliability",
					Numbers.plain(rc.reliability()) + " must be more than 0 and less than 1");
		}
		if (rc.referenceSd() != null && rc.referenceSd().signum() <= 0) {
			problems.add("reliableChange.referenceSd", Numbers.plain(rc.referenceSd()) + " must be more than 0");
		}
	}

	private void checkLoinc(String path, @Nullable String code) {
		if (code != null) {
			String problem = LoincCheck.problemWith(code);
			if (problem != null) {
				problems.add(path, problem);
			}
		}
	}

	private void requireText(String path, String text) {
		if (text.isBlank()) {
			problems.add(path, "missing");
		}
	}

}
