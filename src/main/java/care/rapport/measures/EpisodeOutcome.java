package care.rapport.measures;

import java.util.Objects;

/**
 * The outcome of an episode of care as NHS Talking Therapies reports it, from the first and last
 * PHQ-9 (depression) and GAD-7 (anxiety) totals. Cut-offs and reliable-change thresholds come from the
 * instrument definitions (PHQ-9: 10 and 6, GAD-7: 8 and 4); the definition constants below are the
 * wording an outcomes report prints next to each figure.
 */
public record EpisodeOutcome(ChangeAssessment phq9, ChangeAssessment gad7) {

	public static final String CASENESS_DEFINITION = "Case at start: PHQ-9 of 10 or more, or GAD-7 of 8 or more, "
			+ "at the first measurement.";

	public static final String RELIABLE_IMPROVEMENT_DEFINITION = "Reliable improvement: PHQ-9 fell by 6 or more "
			+ "or GAD-7 fell by 4 or more, and neither rose by that much.";

	public static final String RELIABLE_DETERIORATION_DEFINITION = "Reliable deterioration: PHQ-9 rose by 6 or more "
			+ "or GAD-7 rose by 4 or more, and neither fell by that much.";

	public static final String RECOVERY_DEFINITION = "Recovery: a case at start that is no longer a case at the end "
			+ "(PHQ-9 below 10 and GAD-7 below 8).";

	public static final String RELIABLE_RECOVERY_DEFINITION = "Reliable recovery: recovery together with "
			+ "reliable improvement.";

	public EpisodeOutcome {
		requireInstrument(phq9, "PHQ-9");
		requireInstrument(gad7, "GAD-7");
	}

	/** Assesses both measures of an episode with the definitions in {@code instruments}. */
	public static EpisodeOutcome of(Instruments instruments, double phq9First, double phq9Last, double gad7First,
			double gad7Last) {
		return new EpisodeOutcome(instruments.get("PHQ-9").assessChange(phq9First, phq9Last),
				instruments.get("GAD-7").assessChange(gad7First, gad7Last));
	}

	private static void requireInstrument(ChangeAssessment assessment, String code) {
		Objects.requireNonNull(assessment, code);
		if (!assessment.instrumentCode().equals(code)) {
			throw new IllegalArgumentException(
					"expected a " + code + " assessment, not " + assessment.instrumentCode());
		}
	}

	/** Recovery is only counted for episodes that were a case at the start. */
	public boolean caseAtStart() {
		return phq9.clinicalAtStart() || gad7.clinicalAtStart();
	}

	public boolean caseAtEnd() {
		return phq9.clinicalAtEnd() || gad7.clinicalAtEnd();
	}

	public boolean reliableImprovement() {
		return (phq9.improved() || gad7.improved()) && !phq9.deteriorated() && !gad7.deteriorated();
	}

	public boolean reliableDeterioration() {
		return (phq9.deteriorated() || gad7.deteriorated()) && !phq9.improved() && !gad7.improved();
	}

	public boolean recovery() {
		return caseAtStart() && !caseAtEnd();
	}

	public boolean reliableRecovery() {
		return recovery() && reliableImprovement();
	}

}
