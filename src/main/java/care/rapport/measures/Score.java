package care.rapport.measures;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The result of scoring one complete set of answers.
 *
 * @param total an exact whole number for a SUM, a value rounded half-up to one decimal for a MEAN
 * @param subscales subscale name to its score, in the order the definition lists them
 * @param band the label of the severity band the total falls in, or null when the instrument has none
 * @param inClinicalRange whether the total is in the clinical range given the instrument's direction
 * @param criticalFindings the critical items this set of answers triggered, in the order the definition lists them
 */
public record Score(String instrumentCode, int instrumentVersion, BigDecimal total, Map<String, BigDecimal> subscales,
		@Nullable String band, boolean inClinicalRange, List<CriticalFinding> criticalFindings) {

	public Score {
		subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
		criticalFindings = List.copyOf(criticalFindings);
	}

	public boolean hasCriticalFindings() {
		return !criticalFindings.isEmpty();
	}

}
