package care.rapport.feedback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One finished episode's scores on one instrument, the raw material of a practice's fitted model.
 * The first score is the episode's intake; later sessions are counted from it, so an intake taken at
 * the episode's second session still counts as session 1 of the measured course.
 *
 * @param scores the episode's completed scores, in any order (kept sorted by session)
 */
public record EpisodeSeries(List<SessionScore> scores) {

	public EpisodeSeries {
		scores = scores.stream().sorted(Comparator.comparingInt(SessionScore::session)).toList();
	}

	/** @return an episode whose scores were taken at sessions 1, 2, 3, … in this order */
	public static EpisodeSeries ofConsecutive(double... scores) {
		var list = new ArrayList<SessionScore>(scores.length);
		for (int i = 0; i < scores.length; i++) {
			list.add(new SessionScore(i + 1, scores[i]));
		}
		return new EpisodeSeries(list);
	}

	/** @return the completed observations of an episode; missed and declined ones carry no score */
	public static EpisodeSeries fromObservations(List<Observation> observations) {
		return new EpisodeSeries(observations.stream()
			.filter(Observation::completed)
			.map(observation -> new SessionScore(observation.sessionNumber(), observation.score()))
			.toList());
	}

	/** @return whether the episode has an intake and at least one later score, so it can inform a fit */
	public boolean hasFollowUp() {
		return scores.size() >= 2;
	}

	/**
	 * A score at a session.
	 *
	 * @param session the episode's session number, 1 or more
	 * @param score the total
	 */
	public record SessionScore(int session, double score) {

		public SessionScore {
			if (session < 1 || !Double.isFinite(score)) {
				throw new IllegalArgumentException("A session score needs a session of 1 or more and a finite score");
			}
		}

	}

}
