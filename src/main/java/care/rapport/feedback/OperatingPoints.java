package care.rapport.feedback;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.rapport.feedback.cohort.CohortGenerator;
import care.rapport.feedback.cohort.CohortParameters;
import care.rapport.feedback.cohort.CohortReplay;
import care.rapport.feedback.cohort.CohortReplay.OperatingPoint;
import care.rapport.practice.PracticeId;
import org.springframework.stereotype.Service;

/**
 * What the alert rules in force do on simulated cohorts: computed by replaying the rules over
 * seeded cohorts generated from published figures (never typed in), once per set of trajectories
 * and kept, since the cohorts and rules do not change while the app runs.
 */
@Service
public class OperatingPoints {

	/** The cohorts the settings page reports: 2,000 clients each, seeds 1 to 3. */
	public static final List<Long> SEEDS = List.of(1L, 2L, 3L);

	public static final int CLIENTS = 2000;

	private final Map<PracticeTrajectories, List<OperatingPoint>> computed = new ConcurrentHashMap<>();

	private final PracticeModels models;

	OperatingPoints(PracticeModels models) {
		this.models = models;
	}

	/** @return the operating point of the practice's rules on each seeded cohort */
	public List<OperatingPoint> forPractice(PracticeId practice) {
		PracticeTrajectories trajectories = models.forPractice(practice);
		return computed.computeIfAbsent(trajectories, t -> {
			var rules = new AlertRules(AlertSettings.DEFAULTS, t);
			return SEEDS.stream()
				.map(seed -> CohortReplay.run(rules, CohortGenerator.generate(CohortParameters.published(CLIENTS), seed),
						seed))
				.toList();
		});
	}

	/** @return the thresholds in force */
	public AlertSettings settings() {
		return AlertSettings.DEFAULTS;
	}

}
