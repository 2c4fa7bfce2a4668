package care.rapport.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import care.rapport.feedback.TrajectoryFit.BandFit;
import care.rapport.feedback.TrajectoryFit.Source;
import care.rapport.feedback.TrajectoryParameters.Band;
import care.rapport.feedback.TrajectoryParameters.Curve;

/**
 * Fits a practice's own expected trajectories to its finished episodes, band by band, keeping the
 * default curve's band edges.
 * <p>
 * Per band, the slope is the least-squares fit of {@code score − intake} on {@code ln(session)}
 * through the origin: at session 1, ln(1) = 0 and the expected score is the intake by definition,
 * so there is no intercept to estimate. Intake scores themselves carry no information about the
 * slope or the spread and are left out. The tolerance is the empirical quantile of the residuals in
 * the worse direction that leaves {@link TrajectoryFitSettings#shareOutside()} of them beyond it
 * (the 85th percentile by default, nearest rank). It is one-sided because off track means worse
 * than expected; the same width is used for "better than expected" to keep one number per band.
 * With whole-number totals many residuals tie, so slightly fewer than the target share may fall
 * outside; never more.
 * <p>
 * A band with too few scores keeps the default slope and tolerance, and the provenance note names
 * it. Residuals are measured against the unclamped curve; near the floor of a scale this makes the
 * fitted band a little conservative, which is the safe side for an alert.
 */
public final class TrajectoryFitter {

	private final TrajectoryParameters defaults;

	private final Clock clock;

	/**
	 * @param defaults the curves to start from and fall back to; also the source of the band edges
	 * @param clock dates the fit, in the practice's time zone
	 */
	public TrajectoryFitter(TrajectoryParameters defaults, Clock clock) {
		this.defaults = defaults;
		this.clock = clock;
	}

	/**
	 * @param instrumentCode an instrument the default parameters have a curve for
	 * @param episodes the practice's finished episodes on this instrument; those with no score after
	 * intake are ignored
	 * @param settings minimum data and target share outside the tolerance
	 * @return the model to use and what happened in each band; the default model, with a note, when
	 * the practice has fewer than {@link TrajectoryFitSettings#minEpisodes()} usable episodes
	 * @throws IllegalArgumentException when the defaults have no curve for the instrument
	 */
	public TrajectoryFit fit(String instrumentCode, List<EpisodeSeries> episodes, TrajectoryFitSettings settings) {
		Curve curve = defaults.curve(instrumentCode)
			.orElseThrow(() -> new IllegalArgumentException(
					"No default trajectory for " + instrumentCode + ", so there are no bands to fit"));
		LocalDate today = LocalDate.now(clock);
		List<Band> bands = curve.bands();
		List<BandData> data = new ArrayList<>(bands.size());
		bands.forEach(band -> data.add(new BandData()));
		int usable = 0;
		for (EpisodeSeries episode : episodes) {
			if (!episode.hasFollowUp()) {
				continue;
			}
			usable++;
			var intake = episode.scores().get(0);
			BandData band = data.get(bands.indexOf(curve.band(intake.score())));
			band.episodes++;
			for (var later : episode.scores().subList(1, episode.scores().size())) {
				int session = later.session() - intake.session() + 1;
				if (session >= 2) {
					band.add(Math.log(session), later.score() - intake.score());
				}
			}
		}

		boolean enoughEpisodes = usable >= settings.minEpisodes();
		var fits = new ArrayList<BandFit>(bands.size());
		var fallbacks = new ArrayList<String>();
		for (int i = 0; i < bands.size(); i++) {
			Band standard = bands.get(i);
			BandData band = data.get(i);
			if (enoughEpisodes && band.size >= settings.minBandObservations()) {
				Band fitted = band.fit(standard, curve.direction(), settings.shareOutside());
				fits.add(new BandFit(fitted, Source.FITTED, band.episodes, band.size,
						band.shareOutside(fitted, curve.direction())));
			}
			else {
				fits.add(new BandFit(standard, Source.DEFAULT, band.episodes, band.size,
						band.shareOutside(standard, curve.direction())));
				if (enoughEpisodes) {
					String why = band.episodes == 0 ? "no episodes started in this band"
							: "only " + band.episodes + (band.episodes == 1 ? " episode, " : " episodes, ") + band.size
									+ " scores after intake; fitting needs " + settings.minBandObservations();
					fallbacks.add(" Band " + standard.label() + ": Rapport default (" + why + ").");
				}
			}
		}

		String provenance;
		if (enoughEpisodes) {
			provenance = curve.label() + " practice model: expected = intake + b·ln(session) per intake band, "
					+ "fitted on " + usable + " finished episodes of this practice, " + today + ". Off track = worse than expected + "
					+ "tolerance, the tolerance set so about " + Scores.format(settings.shareOutside() * 100)
					+ "% of the practice's scores fall outside." + String.join("", fallbacks);
		}
		else {
			provenance = defaults.provenance() + " A practice model for " + curve.label() + " is fitted once "
					+ settings.minEpisodes() + " finished episodes have scores after intake; this practice has "
					+ usable + ".";
		}
		var bandsInForce = fits.stream().map(BandFit::band).toList();
		return new TrajectoryFit(new TrajectoryModel(curve.withBands(bandsInForce), provenance), enoughEpisodes, usable,
				today, fits);
	}

	/** The (ln session, change from intake) pairs of one intake band. */
	private static final class BandData {

		private double[] x = new double[64];

		private double[] y = new double[64];

		private int size;

		private int episodes;

		void add(double lnSession, double change) {
			if (size == x.length) {
				x = Arrays.copyOf(x, size * 2);
				y = Arrays.copyOf(y, size * 2);
			}
			x[size] = lnSession;
			y[size] = change;
			size++;
		}

		Band fit(Band standard, ScoreDirection direction, double shareOutside) {
			double sxy = 0;
			double sxx = 0;
			for (int i = 0; i < size; i++) {
				sxy += x[i] * y[i];
				sxx += x[i] * x[i];
			}
			// Every point has session ≥ 2, so sxx > 0.
			double slope = sxy / sxx;
			double[] worseBy = new double[size];
			for (int i = 0; i < size; i++) {
				worseBy[i] = direction.worsening(slope * x[i], y[i]);
			}
			Arrays.sort(worseBy);
			// Nearest rank: the smallest residual with at least (1 − share) of residuals at or below it.
			// The slack keeps 0.85 × 100 from rounding up to rank 86.
			int rank = (int) Math.ceil((1 - shareOutside) * size - 1e-9);
			double tolerance = worseBy[Math.max(0, Math.min(size, rank) - 1)];
			// A negative quantile would put scores better than expected off track.
			return standard.with(slope, Math.max(0, tolerance));
		}

		double shareOutside(Band band, ScoreDirection direction) {
			if (size == 0) {
				return 0;
			}
			int outside = 0;
			for (int i = 0; i < size; i++) {
				if (direction.worsening(band.slope() * x[i], y[i]) > band.tolerance()) {
					outside++;
				}
			}
			return (double) outside / size;
		}

	}

}
