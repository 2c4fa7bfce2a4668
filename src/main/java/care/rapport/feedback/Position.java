package care.rapport.feedback;

/**
 * A score classified against the expected trajectory, with the numbers that explain it.
 *
 * @param status on track, off track or better than expected
 * @param session session number counted from intake (intake = 1)
 * @param score the client's score
 * @param expected the expected score at this session, within the instrument's range
 * @param tolerance how far from expected a score may be and still be on track
 * @param direction which way is worse, to tell the off-track side of the band from the better side
 */
public record Position(TrackStatus status, int session, double score, double expected, double tolerance,
		ScoreDirection direction) {

	/** @return whether the score is worse than expected by more than the tolerance */
	public boolean offTrack() {
		return status == TrackStatus.OFF_TRACK;
	}

	/** @return the score beyond which (in the worse direction) a client is off track */
	public double offTrackBeyond() {
		return direction.worsen(expected, tolerance);
	}

	/** @return the score beyond which (in the better direction) a client is better than expected */
	public double betterBeyond() {
		return direction.worsen(expected, -tolerance);
	}

}
