package care.rapport.feedback;

import java.time.LocalDate;
import java.util.List;

import care.rapport.feedback.TrajectoryParameters.Band;

/**
 * The outcome of fitting one instrument's trajectory model to a practice's finished episodes.
 *
 * @param model the model to use from now on: fitted bands where there was enough data, default
 * bands elsewhere, and a provenance note saying which
 * @param practiceModel whether the practice had enough finished episodes for any fitting; when not,
 * {@code model} is the default model with a note saying how many more are needed
 * @param episodes finished episodes with follow-up scores that the fit looked at
 * @param fittedOn the day of the fit, in the practice's time zone
 * @param bands what happened in each intake band, in the curve's order
 */
public record TrajectoryFit(TrajectoryModel model, boolean practiceModel, int episodes, LocalDate fittedOn,
		List<BandFit> bands) {

	public TrajectoryFit {
		bands = List.copyOf(bands);
	}

	/** Where a band's slope and tolerance come from. */
	public enum Source {

		/** Fitted to this practice's scores. */
		FITTED,

		/** Rapport's default, because the practice had too few scores in this band. */
		DEFAULT

	}

	/**
	 * One intake band after fitting.
	 *
	 * @param band the slope and tolerance now in force
	 * @param source fitted or default
	 * @param episodes finished episodes whose intake fell in this band
	 * @param observations scores after intake in this band
	 * @param shareOutside share of those scores that the band in force puts off track (0 without
	 * scores): about the target share for a fitted band, and for a default band a sign of how well the
	 * default suits the practice
	 */
	public record BandFit(Band band, Source source, int episodes, int observations, double shareOutside) {
	}

}
