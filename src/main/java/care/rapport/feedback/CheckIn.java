package care.rapport.feedback;

import java.time.Instant;

/**
 * A client's session check-in: how the session felt to them, averaged to a score from 0 to 10,
 * higher being better.
 *
 * @param sessionNumber the episode's session, 1 or more
 * @param administeredAt when it was answered
 * @param average the average of the check-in's items, 0 to 10
 */
public record CheckIn(int sessionNumber, Instant administeredAt, double average) {

	/** The highest possible check-in average. */
	public static final double MAX = 10;

	public CheckIn {
		if (sessionNumber < 1) {
			throw new IllegalArgumentException("Sessions are counted from 1, not " + sessionNumber);
		}
		if (!(average >= 0 && average <= MAX)) {
			throw new IllegalArgumentException("A check-in average lies between 0 and 10, not " + average);
		}
	}

}
