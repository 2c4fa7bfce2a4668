package care.rapport.feedback;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of the expected-trajectory model, for every outcome instrument it covers: per
 * intake-severity band, the slope {@code b} of {@code expected(n) = intake + b·ln(n)} and the
 * tolerance, plus a provenance note that pages show next to every expected curve.
 * <p>
 * The shape binds from {@code @ConfigurationProperties} (a list of curves, each a list of bands), so
 * a deployment can replace the defaults without code.
 *
 * @param provenance where the parameters come from, in words for the therapist
 * @param curves one curve per instrument, instrument codes unique
 */
public record TrajectoryParameters(String provenance, List<Curve> curves) {

	/** What pages show for {@link #defaults()}; deliberately says what the parameters are not. */
	public static final String DEFAULT_PROVENANCE = "Rapport default model: expected = intake + b·ln(session) per "
			+ "intake band; parameters chosen by the Rapport team to approximate typical routine-care improvement "
			+ "curves (not fitted to your practice's data). Off track = worse than expected + tolerance.";

	public TrajectoryParameters {
		if (provenance.isBlank()) {
			throw new IllegalArgumentException("Trajectory parameters need a provenance note");
		}
		curves = List.copyOf(curves);
		var codes = new HashSet<String>();
		for (Curve curve : curves) {
			if (!codes.add(curve.instrumentCode())) {
				throw new IllegalArgumentException("Two trajectory curves for " + curve.instrumentCode());
			}
		}
	}

	/** @return the curve of the instrument with this code, if the model covers it */
	public Optional<Curve> curve(String instrumentCode) {
		return curves.stream().filter(curve -> curve.instrumentCode().equals(instrumentCode)).findFirst();
	}

	/**
	 * Rapport's default curves for PHQ-9 and GAD-7. The numbers are illustrative, not a published
	 * norm: they were chosen to resemble typical improvement in routine outpatient care (larger and
	 * faster falls from more severe intakes, little room to fall from mild ones) and are meant to be
	 * replaced by a practice's own fitted model once it has enough finished episodes.
	 * <p>
	 * Slopes: expected change by session 10 is {@code b·ln 10 ≈ 2.3·b}, so a PHQ-9 intake of 22
	 * ({@code b = −4.5}) is expected near 12 by session 10, an intake of 12 ({@code b = −3}) near 5.
	 * The PHQ-9 band 15–19 uses {@code b = −3.75}: a client starting at 18 is expected at 12.8 by
	 * session 4. Tolerances follow the same calibration as a fitted model (the one-sided 85th
	 * percentile of residuals, about 1.04 residual SDs for normal residuals), assuming residual SDs of
	 * roughly 3.5–5 PHQ-9 points and 3–4 GAD-7 points, wider for more severe intakes.
	 */
	public static TrajectoryParameters defaults() {
		return new TrajectoryParameters(DEFAULT_PROVENANCE, List.of(
				new Curve("PHQ-9", "PHQ-9", 0, 27, ScoreDirection.HIGHER_IS_WORSE,
						List.of(new Band(0, 9, -1.0, 3.5), new Band(10, 14, -3.0, 4.0), new Band(15, 19, -3.75, 4.5),
								new Band(20, 27, -4.5, 5.0))),
				new Curve("GAD-7", "GAD-7", 0, 21, ScoreDirection.HIGHER_IS_WORSE,
						List.of(new Band(0, 7, -0.75, 3.0), new Band(8, 14, -2.5, 3.5), new Band(15, 21, -3.5, 4.0)))));
	}

	/**
	 * One instrument's expected-trajectory curve.
	 *
	 * @param instrumentCode the instrument's code, as the measures module names it
	 * @param label how pages and alert reasons name the instrument ("PHQ-9")
	 * @param min the lowest possible total; expected scores never go below it
	 * @param max the highest possible total; expected scores never go above it
	 * @param direction which way is worse
	 * @param bands intake-severity bands in ascending order, not overlapping
	 */
	public record Curve(String instrumentCode, String label, double min, double max, ScoreDirection direction,
			List<Band> bands) {

		public Curve {
			if (instrumentCode.isBlank() || label.isBlank()) {
				throw new IllegalArgumentException("A trajectory curve needs an instrument code and label");
			}
			if (!(min < max)) {
				throw new IllegalArgumentException(instrumentCode + ": min must be below max");
			}
			bands = List.copyOf(bands);
			if (bands.isEmpty()) {
				throw new IllegalArgumentException(instrumentCode + ": a trajectory curve needs at least one band");
			}
			for (int i = 1; i < bands.size(); i++) {
				if (!(bands.get(i).fromIntake() > bands.get(i - 1).toIntake())) {
					throw new IllegalArgumentException(instrumentCode + ": bands must ascend without overlapping, but "
							+ bands.get(i).label() + " follows " + bands.get(i - 1).label());
				}
			}
		}

		/**
		 * The band an intake score falls in: the highest band starting at or below it. An intake in a
		 * gap between bands (a prorated 9.5 between 0–9 and 10–14) belongs to the band below; an
		 * intake below the first band belongs to the first.
		 */
		public Band band(double intake) {
			Band found = bands.get(0);
			for (Band band : bands) {
				if (band.fromIntake() <= intake) {
					found = band;
				}
			}
			return found;
		}

		/** @return this curve with its bands replaced, same edges expected */
		public Curve withBands(List<Band> replacement) {
			return new Curve(instrumentCode, label, min, max, direction, replacement);
		}

		/** @return {@code value} limited to the instrument's range */
		public double clamp(double value) {
			return Math.max(min, Math.min(max, value));
		}

	}

	/**
	 * One intake-severity band. The tolerance is the same at every session: one number per band is
	 * easy to explain ("off track means more than 4.5 points worse than expected"), and a fitted
	 * model calibrates it over all sessions at once.
	 *
	 * @param fromIntake lowest intake score in the band, inclusive
	 * @param toIntake highest intake score in the band, inclusive
	 * @param slope change per unit of ln(session); negative when clients are expected to improve on a
	 * higher-is-worse instrument
	 * @param tolerance how far worse than expected a score may be before it is off track; the same
	 * distance on the better side marks better than expected
	 */
	public record Band(double fromIntake, double toIntake, double slope, double tolerance) {

		public Band {
			if (!(fromIntake <= toIntake)) {
				throw new IllegalArgumentException("A band's lower edge must not exceed its upper edge");
			}
			if (!Double.isFinite(slope) || !Double.isFinite(tolerance) || tolerance < 0) {
				throw new IllegalArgumentException("A band needs a finite slope and a finite, non-negative tolerance");
			}
		}

		/** "10–14", as pages and provenance notes name the band. */
		public String label() {
			return Scores.format(fromIntake) + "\u2013" + Scores.format(toIntake);
		}

		/** @return whether {@code intake} lies within the band's edges */
		public boolean contains(double intake) {
			return fromIntake <= intake && intake <= toIntake;
		}

		/** @return this band with a new slope and tolerance, same edges */
		public Band with(double newSlope, double newTolerance) {
			return new Band(fromIntake, toIntake, newSlope, newTolerance);
		}

	}

}
