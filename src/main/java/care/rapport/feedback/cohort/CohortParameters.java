package care.rapport.feedback.cohort;

/**
 * What a simulated cohort looks like. Every default is a published figure or derived from one; see
 * {@code bench/cohort-src/README.md} for the sources and the derivations.
 *
 * @param clients how many clients
 * @param intakeMean mean PHQ-9 at intake (16.5: NHS Talking Therapies step 3 intakes)
 * @param intakeSd between-client SD of the true PHQ-9 intake (4.5; with the measurement error the
 * observed SD is about 5)
 * @param responders share of clients who improve (0.62)
 * @param deteriorators share of clients who get worse (0.07)
 * @param dropout share of clients who stop before their planned last session (0.20)
 * @param phqError SD of the measurement error of one PHQ-9 score (2.2: the standard error of
 * measurement behind the PHQ-9's reliable change of 6, 6 / (1.96 × √2))
 * @param gadError the same for GAD-7 (1.45, from its reliable change of 4)
 * @param deteriorationOnset sessions over which a deteriorating client's worsening mostly happens
 * (1.5: deterioration shows early in routine care)
 * @param checkInMean mean session check-in (8.9 of 10)
 * @param checkInBetweenSd between-client SD of the usual check-in (0.7)
 * @param checkInWithinSd session-to-session SD of one client's check-in (0.5)
 * @param ruptureRate chance of a rupture at any one session (0.013)
 * @param ruptureFall how far a check-in falls in a rupture (2.5)
 * @param riskTrait share of clients who endorse PHQ-9 item 9 at times (0.4)
 */
public record CohortParameters(int clients, double intakeMean, double intakeSd, double responders,
		double deteriorators, double dropout, double phqError, double gadError, double deteriorationOnset,
		double checkInMean, double checkInBetweenSd, double checkInWithinSd, double ruptureRate, double ruptureFall,
		double riskTrait) {

	/** The published-figure defaults for {@code clients} clients. */
	public static CohortParameters published(int clients) {
		return new CohortParameters(clients, 16.5, 4.5, 0.62, 0.07, 0.20, 2.2, 1.45, 1.5, 8.9, 0.7, 0.5, 0.013, 2.5,
				0.4);
	}

}
