package care.rapport.feedback;

/**
 * When and how a practice's own trajectory model is fitted.
 *
 * @param minEpisodes finished episodes with follow-up scores an instrument needs before any band is
 * fitted; below it the whole instrument keeps the default model (default 100)
 * @param minBandObservations scores after intake a band needs to be fitted; below it that band keeps
 * the default slope and tolerance (default 30)
 * @param shareOutside share of the practice's scores that should fall outside the tolerance on the
 * worse side, which sets the fitted tolerance (default 0.15, so 15% of scores read as off track)
 */
public record TrajectoryFitSettings(int minEpisodes, int minBandObservations, double shareOutside) {

	public static final TrajectoryFitSettings DEFAULTS = new TrajectoryFitSettings(100, 30, 0.15);

	public TrajectoryFitSettings {
		if (minEpisodes < 1) {
			throw new IllegalArgumentException("minEpisodes must be at least 1");
		}
		if (minBandObservations < 2) {
			throw new IllegalArgumentException("minBandObservations must be at least 2: one score fixes no slope");
		}
		if (!(shareOutside > 0 && shareOutside < 1)) {
			throw new IllegalArgumentException("shareOutside must lie between 0 and 1");
		}
	}

}
