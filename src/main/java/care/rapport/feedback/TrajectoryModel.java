package care.rapport.feedback;

import care.rapport.feedback.TrajectoryParameters.Curve;

/**
 * One instrument's expected-trajectory model in force for a practice: Rapport's default curve or one
 * fitted to the practice's finished episodes, with a provenance note saying which.
 *
 * @param curve the bands, slopes and tolerances
 * @param provenance where the curve comes from, in words shown next to every expected curve
 */
public record TrajectoryModel(Curve curve, String provenance) {

	public TrajectoryModel {
		if (provenance.isBlank()) {
			throw new IllegalArgumentException("A trajectory model needs a provenance note");
		}
	}

	public String instrumentCode() {
		return curve.instrumentCode();
	}

	/**
	 * @param intake the client's first score in the episode, within the instrument's range
	 * @return the expected course of a client starting at this score
	 */
	public ExpectedTrajectory forIntake(double intake) {
		return new ExpectedTrajectory(this, intake);
	}

	/** @return the expected score at {@code session} (1 = intake) for a client starting at {@code intake} */
	public double expected(double intake, int session) {
		return forIntake(intake).expectedAt(session);
	}

	/**
	 * Classifies a score against the expected trajectory.
	 *
	 * @param intake the client's first score in the episode
	 * @param session the session the score was taken at, counted from intake (intake = 1)
	 * @param score the score to classify, within the instrument's range
	 */
	public Position classify(double intake, int session, double score) {
		return forIntake(intake).classify(session, score);
	}

}
