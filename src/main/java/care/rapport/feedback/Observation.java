package care.rapport.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One due administration of an outcome measure in a client's episode: answered, missed or declined.
 *
 * @param sessionNumber the episode's session the measure was due at, 1 or more
 * @param administeredAt when it was answered, or when it was due if it was not
 * @param completion answered, missed or declined
 * @param total the total score when answered; none otherwise
 * @param inClinicalRange whether the total is at or beyond the instrument's clinical cut-off
 * (PHQ-9 ≥ 10, say); false when not answered
 * @param criticalFindings answers that need attention today, in words for the therapist, e.g.
 * "item 9 (thoughts of being better off dead or of self-harm) answered \u201cseveral days\u201d";
 * empty when none or not answered
 */
public record Observation(int sessionNumber, Instant administeredAt, Completion completion, @Nullable Double total,
		boolean inClinicalRange, List<String> criticalFindings) {

	public Observation {
		if (sessionNumber < 1) {
			throw new IllegalArgumentException("Sessions are counted from 1, not " + sessionNumber);
		}
		criticalFindings = List.copyOf(criticalFindings);
		if (completion == Completion.COMPLETED) {
			if (total == null || !Double.isFinite(total)) {
				throw new IllegalArgumentException("An answered measure needs a finite total");
			}
		}
		else if (total != null || inClinicalRange || !criticalFindings.isEmpty()) {
			throw new IllegalArgumentException("A " + completion.name().toLowerCase(Locale.ROOT)
					+ " measure has no total, clinical range or findings");
		}
	}

	public static Observation completed(int sessionNumber, Instant administeredAt, double total,
			boolean inClinicalRange, List<String> criticalFindings) {
		return new Observation(sessionNumber, administeredAt, Completion.COMPLETED, total, inClinicalRange,
				criticalFindings);
	}

	public static Observation completed(int sessionNumber, Instant administeredAt, double total,
			boolean inClinicalRange) {
		return completed(sessionNumber, administeredAt, total, inClinicalRange, List.of());
	}

	public static Observation missed(int sessionNumber, Instant dueAt) {
		return new Observation(sessionNumber, dueAt, Completion.MISSED, null, false, List.of());
	}

	public static Observation declined(int sessionNumber, Instant dueAt) {
		return new Observation(sessionNumber, dueAt, Completion.DECLINED, null, false, List.of());
	}

	public boolean completed() {
		return completion == Completion.COMPLETED;
	}

	/**
	 * @return the total score
	 * @throws IllegalStateException when the measure was not answered
	 */
	public double score() {
		if (total == null) {
			throw new IllegalStateException("A " + completion.name().toLowerCase(Locale.ROOT)
					+ " measure has no score");
		}
		return total;
	}

}
