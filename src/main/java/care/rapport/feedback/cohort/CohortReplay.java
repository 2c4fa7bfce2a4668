package care.rapport.feedback.cohort;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.AlertRules;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.CheckIn;
import care.rapport.feedback.ClientHistory;
import care.rapport.feedback.Observation;
import care.rapport.feedback.OutcomeSeries;
import care.rapport.feedback.ScoreDirection;
import care.rapport.feedback.cohort.CohortGenerator.Session;
import care.rapport.feedback.cohort.CohortGenerator.SimulatedClient;

/**
 * Replays a simulated cohort through the alert rules one session at a time, as if each session's
 * answers were entered live, and counts what the rules flag. An alert stays raised once raised (no
 * one resolves it in the replay), so a key raises at most once per client, as for imported history.
 */
public final class CohortReplay {

	/** Sessions by which a deteriorating client should have been flagged. */
	public static final int EARLY_BY = 3;

	private CohortReplay() {
	}

	/**
	 * What one rule does on the cohort.
	 * @param flagged share of all clients it flags at some point
	 * @param flaggedByEarly share of all clients it flags by session 3
	 * @param deterioratorsCaughtByEarly share of the clients who end reliably worse that it flags by session 3
	 * @param deterioratorsCaught share of them it flags at some point
	 */
	public record RuleFigures(AlertType type, double flagged, double flaggedByEarly, double deterioratorsCaughtByEarly,
			double deterioratorsCaught) {
	}

	/**
	 * The operating point of the rules on one cohort.
	 * @param deterioratorsFlaggedByEarly share of reliable deteriorators flagged by deterioration or
	 * off track by session 3
	 * @param allFlaggedByEarly share of all clients flagged by either by session 3
	 * @param rupturesCaught share of ruptures with an alliance alert at the session they happened
	 * @param allianceOnOtherCheckIns share of the other check-ins with an alliance alert
	 */
	public record OperatingPoint(long seed, int clients, int deteriorators, double deterioratorsFlaggedByEarly,
			double allFlaggedByEarly, int ruptures, double rupturesCaught, double allianceOnOtherCheckIns,
			List<RuleFigures> rules) {
	}

	/** One alert raised in the replay. */
	public record Raised(String client, int session, AlertType type) {
	}

	public static OperatingPoint run(AlertRules rules, List<SimulatedClient> cohort, long seed) {
		int deteriorators = 0;
		int ruptures = 0;
		int rupturesCaught = 0;
		int otherCheckIns = 0;
		int allianceOnOther = 0;
		int earlyAll = 0;
		int earlyDeteriorators = 0;
		Map<AlertType, int[]> counts = new EnumMap<>(AlertType.class);
		for (AlertType type : AlertType.values()) {
			counts.put(type, new int[4]);
		}
		for (SimulatedClient client : cohort) {
			boolean worse = client.reliablyWorse();
			deteriorators += worse ? 1 : 0;
			List<Raised> raised = replay(rules, client);
			var allianceSessions = new HashSet<Integer>();
			raised.stream().filter(r -> r.type() == AlertType.ALLIANCE).forEach(r -> allianceSessions.add(r.session()));
			for (Session s : client.sessions()) {
				if (s.checkIn() == null) {
					continue;
				}
				if (s.rupture()) {
					ruptures++;
					rupturesCaught += allianceSessions.contains(s.number()) ? 1 : 0;
				}
				else {
					otherCheckIns++;
					allianceOnOther += allianceSessions.contains(s.number()) ? 1 : 0;
				}
			}
			boolean early = raised.stream()
				.anyMatch(r -> r.session() <= EARLY_BY
						&& (r.type() == AlertType.DETERIORATION || r.type() == AlertType.OFF_TRACK));
			earlyAll += early ? 1 : 0;
			earlyDeteriorators += early && worse ? 1 : 0;
			for (AlertType type : AlertType.values()) {
				boolean ever = raised.stream().anyMatch(r -> r.type() == type);
				boolean byEarly = raised.stream().anyMatch(r -> r.type() == type && r.session() <= EARLY_BY);
				int[] c = counts.get(type);
				c[0] += ever ? 1 : 0;
				c[1] += byEarly ? 1 : 0;
				c[2] += byEarly && worse ? 1 : 0;
				c[3] += ever && worse ? 1 : 0;
			}
		}
		int n = cohort.size();
		var figures = new ArrayList<RuleFigures>();
		for (AlertType type : AlertType.values()) {
			int[] c = counts.get(type);
			figures.add(new RuleFigures(type, share(c[0], n), share(c[1], n), share(c[2], deteriorators),
					share(c[3], deteriorators)));
		}
		return new OperatingPoint(seed, n, deteriorators, share(earlyDeteriorators, deteriorators), share(earlyAll, n),
				ruptures, share(rupturesCaught, ruptures), share(allianceOnOther, otherCheckIns), List.copyOf(figures));
	}

	/** The alerts the rules raise for one client, session by session. */
	public static List<Raised> replay(AlertRules rules, SimulatedClient client) {
		var raised = new ArrayList<Raised>();
		var keys = new HashSet<String>();
		var phq = new ArrayList<Observation>();
		var gad = new ArrayList<Observation>();
		var checkIns = new ArrayList<CheckIn>();
		for (Session s : client.sessions()) {
			Instant at = s.date().atTime(12, 0).toInstant(ZoneOffset.UTC);
			int total = s.phq9Total();
			phq.add(Observation.completed(s.number(), at, total, total >= 10,
					s.phq9()[8] > 0 ? List.of("item 9 answered " + s.phq9()[8]) : List.of()));
			if (s.gad7Total() != null) {
				// the instruments' clinical cut-offs: PHQ-9 10, GAD-7 8
				gad.add(Observation.completed(s.number(), at, s.gad7Total(), s.gad7Total() >= 8));
			}
			if (s.checkInAverage() != null) {
				// scored as the instrument scores a mean: rounded half-up to one decimal
				double average = java.math.BigDecimal.valueOf(s.checkInAverage())
					.setScale(1, java.math.RoundingMode.HALF_UP)
					.doubleValue();
				checkIns.add(new CheckIn(s.number(), at.plusSeconds(3600), average));
			}
			var history = new ClientHistory(List.of(
					new OutcomeSeries("PHQ-9", "PHQ-9", ScoreDirection.HIGHER_IS_WORSE, 6, phq),
					new OutcomeSeries("GAD-7", "GAD-7", ScoreDirection.HIGHER_IS_WORSE, 4, gad)), checkIns);
			for (AlertCandidate candidate : rules.evaluate(history)) {
				// risk alerts collect every answer as evidence (Alerts.recordRisk); the rest raise once per key
				if (candidate.type() == AlertType.RISK || keys.add(candidate.dedupeKey())) {
					raised.add(new Raised(client.id(), s.number(), candidate.type()));
				}
			}
		}
		return raised;
	}

	private static double share(int part, int whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	/**
	 * {@code --seed S --clients N}: prints the operating point of the default rules on a generated
	 * cohort, one line per figure.
	 */
	public static void main(String[] args) {
		long seed = 1;
		int clients = 2000;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--seed" -> seed = Long.parseLong(args[i + 1]);
				case "--clients" -> clients = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		var rules = new AlertRules(care.rapport.feedback.AlertSettings.DEFAULTS,
				care.rapport.feedback.PracticeTrajectories.defaults());
		OperatingPoint point = run(rules, CohortGenerator.generate(CohortParameters.published(clients), seed), seed);
		var out = new java.io.PrintWriter(System.out, true);
		out.printf("seed=%d clients=%d deteriorators=%d deteriorators_flagged_by_s3=%.3f all_flagged_by_s3=%.3f "
				+ "ruptures=%d ruptures_caught=%.3f alliance_on_other_checkins=%.3f%n", seed, point.clients(),
				point.deteriorators(), point.deterioratorsFlaggedByEarly(), point.allFlaggedByEarly(), point.ruptures(),
				point.rupturesCaught(), point.allianceOnOtherCheckIns());
		for (RuleFigures f : point.rules()) {
			out.printf("  %-18s flagged=%.3f by_s3=%.3f deteriorators_by_s3=%.3f deteriorators_ever=%.3f%n", f.type(),
					f.flagged(), f.flaggedByEarly(), f.deterioratorsCaughtByEarly(), f.deterioratorsCaught());
		}
	}

}
