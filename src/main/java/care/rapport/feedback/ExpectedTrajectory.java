package care.rapport.feedback;

import java.util.ArrayList;
import java.util.List;

import care.rapport.feedback.TrajectoryParameters.Band;
import care.rapport.feedback.TrajectoryParameters.Curve;

/**
 * The expected course of one client on one instrument, given their intake score:
 * {@code expected(n) = intake + b·ln(n)}, clamped to the instrument's range, with the band's
 * tolerance either side. At session 1, ln(1) = 0, so the expected score is the intake itself.
 *
 * @param model the instrument's model in force
 * @param intake the client's first score in the episode
 */
public record ExpectedTrajectory(TrajectoryModel model, double intake) {

	/**
	 * Extra slack before a score counts as off track or better than expected, so that a score exactly
	 * on the band's edge stays on track whatever the floating-point rounding of the expected score.
	 */
	private static final double EDGE = 1e-9;

	public ExpectedTrajectory {
		Curve curve = model.curve();
		if (!(curve.min() <= intake && intake <= curve.max())) {
			throw new IllegalArgumentException(curve.label() + " intake " + Scores.format(intake) + " is outside "
					+ Scores.format(curve.min()) + "\u2013" + Scores.format(curve.max()));
		}
	}

	/** @return the intake-severity band whose slope and tolerance apply to this client */
	public Band band() {
		return model.curve().band(intake);
	}

	/**
	 * @param session session number counted from intake, 1 or more
	 * @return the expected score, never outside the instrument's range
	 */
	public double expectedAt(int session) {
		requireSession(session);
		return model.curve().clamp(intake + band().slope() * Math.log(session));
	}

	/** @return how far from the expected score a score may be and still be on track, at any session */
	public double tolerance() {
		return band().tolerance();
	}

	/**
	 * @param session session number counted from intake, 1 or more
	 * @param score the client's score at that session, within the instrument's range
	 * @return off track when worse than expected by more than the tolerance, better than expected
	 * when better by more than the tolerance, on track otherwise (a score on the edge is on track)
	 */
	public Position classify(int session, double score) {
		Curve curve = model.curve();
		if (!(curve.min() <= score && score <= curve.max())) {
			throw new IllegalArgumentException(curve.label() + " score " + Scores.format(score) + " is outside "
					+ Scores.format(curve.min()) + "\u2013" + Scores.format(curve.max()));
		}
		double expected = expectedAt(session);
		double tolerance = tolerance();
		double worseBy = curve.direction().worsening(expected, score);
		TrackStatus status;
		if (worseBy > tolerance + EDGE) {
			status = TrackStatus.OFF_TRACK;
		}
		else if (-worseBy > tolerance + EDGE) {
			status = TrackStatus.BETTER_THAN_EXPECTED;
		}
		else {
			status = TrackStatus.ON_TRACK;
		}
		return new Position(status, session, score, expected, tolerance, curve.direction());
	}

	/**
	 * The expected curve and its band for sessions 1 to {@code lastSession}, for charts.
	 * @param lastSession last session to include, 1 or more
	 */
	public List<Point> through(int lastSession) {
		requireSession(lastSession);
		Curve curve = model.curve();
		var points = new ArrayList<Point>(lastSession);
		for (int session = 1; session <= lastSession; session++) {
			double expected = expectedAt(session);
			points.add(new Point(session, expected, curve.clamp(expected - tolerance()),
					curve.clamp(expected + tolerance())));
		}
		return List.copyOf(points);
	}

	private static void requireSession(int session) {
		if (session < 1) {
			throw new IllegalArgumentException("Sessions are counted from 1 (intake), not " + session);
		}
	}

	/**
	 * One session of the expected curve.
	 *
	 * @param session session number counted from intake
	 * @param expected the expected score
	 * @param low the lower edge of the tolerance band, within the instrument's range
	 * @param high the upper edge of the tolerance band, within the instrument's range
	 */
	public record Point(int session, double expected, double low, double high) {
	}

}
