package care.rapport.feedback;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A client's due administrations of one outcome instrument in the current episode, oldest first.
 *
 * @param instrumentCode the instrument's code, matching the trajectory model's
 * @param label how alert reasons name the instrument ("PHQ-9")
 * @param direction which way is worse
 * @param reliableChange the smallest change that counts as reliable (beyond measurement error) for
 * this instrument, e.g. 6 points on the PHQ-9; from the measures module's reliable change index
 * @param observations answered, missed and declined administrations in any order; kept sorted by
 * session, then time
 */
public record OutcomeSeries(String instrumentCode, String label, ScoreDirection direction, double reliableChange,
		List<Observation> observations) {

	private static final Comparator<Observation> CHRONOLOGICAL = Comparator.comparingInt(Observation::sessionNumber)
		.thenComparing(Observation::administeredAt);

	public OutcomeSeries {
		if (instrumentCode.isBlank() || label.isBlank()) {
			throw new IllegalArgumentException("An outcome series needs an instrument code and label");
		}
		if (!(reliableChange > 0) || !Double.isFinite(reliableChange)) {
			throw new IllegalArgumentException(label + ": the reliable-change threshold must be a positive number");
		}
		observations = observations.stream().sorted(CHRONOLOGICAL).toList();
	}

	/** @return answered administrations, oldest first */
	public List<Observation> answered() {
		return observations.stream().filter(Observation::completed).toList();
	}

	/** @return the first answered administration, the episode's baseline */
	public Optional<Observation> first() {
		return observations.stream().filter(Observation::completed).findFirst();
	}

	/** @return the newest answered administration */
	public Optional<Observation> newest() {
		var answered = answered();
		return answered.isEmpty() ? Optional.empty() : Optional.of(answered.get(answered.size() - 1));
	}

	/**
	 * @return the session of {@code observation} counted from the first answered one (which is 1), the
	 * numbering the expected trajectory uses
	 */
	public int sessionsFromFirst(Observation observation) {
		int firstSession = first().map(Observation::sessionNumber).orElse(observation.sessionNumber());
		return Math.max(1, observation.sessionNumber() - firstSession + 1);
	}

}
