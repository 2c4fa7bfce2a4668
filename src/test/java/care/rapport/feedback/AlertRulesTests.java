package care.rapport.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTests {

	private static final Instant FIRST_SESSION = Instant.parse("2026-03-02T17:00:00Z");

	private static final String ITEM_NINE = "item 9 (thoughts of being better off dead or of hurting yourself) "
			+ "answered \u201cseveral days\u201d";

	private final AlertRules rules = new AlertRules(AlertSettings.DEFAULTS, PracticeTrajectories.defaults());

	@Test
	void raisesRiskAlertWhenItemNineIsEndorsedInTheNewestResponse() {
		var series = phq9(answered(1, 14), Observation.completed(2, at(2), 15, true, List.of(ITEM_NINE)));

		assertThat(rules.risk(series)).hasValueSatisfying(alert -> {
			assertThat(alert.type()).isEqualTo(AlertType.RISK);
			assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
			assertThat(alert.sessionNumber()).isEqualTo(2);
			assertThat(alert.observedAt()).isEqualTo(at(2));
			assertThat(alert.reason()).isEqualTo("PHQ-9 at session 2: " + ITEM_NINE + ".");
			assertThat(alert.dedupeKey()).isEqualTo("RISK:PHQ-9");
		});
	}

	@Test
	void raisesNoRiskAlertForAFindingOnlyInAnEarlierResponse() {
		var series = phq9(Observation.completed(1, at(1), 15, true, List.of(ITEM_NINE)), answered(2, 13));

		assertThat(rules.risk(series)).isEmpty();
	}

	@Test
	void raisesDeteriorationWhenTheRiseReachesTheReliableChange() {
		assertThat(rules.deterioration(phq9(answered(1, 12), answered(2, 15), answered(3, 19))))
			.hasValueSatisfying(alert -> {
				assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
				assertThat(alert.sessionNumber()).isEqualTo(3);
				assertThat(alert.reason()).isEqualTo("PHQ-9 rose from 12 to 19 (+7) since the first session; "
						+ "a rise of 6 or more is a reliable change.");
			});
		assertThat(rules.deterioration(phq9(answered(1, 12), answered(2, 18))))
			.hasValueSatisfying(alert -> assertThat(alert.dedupeKey()).isEqualTo("DETERIORATION:PHQ-9:RELIABLE"));
		assertThat(rules.deterioration(phq9(answered(1, 18), answered(2, 10)))).isEmpty();
	}

	@Test
	void warnsEarlyWhenTheScoreRisesByHalfTheReliableChangeWhileInTheClinicalRange() {
		// PHQ-9: reliable change 6, so a rise of 3 from intake is an early warning while the score is 10 or more.
		assertThat(rules.deterioration(phq9(answered(1, 12), answered(2, 15)))).hasValueSatisfying(alert -> {
			assertThat(alert.sessionNumber()).isEqualTo(2);
			assertThat(alert.dedupeKey()).isEqualTo("DETERIORATION:PHQ-9");
			assertThat(alert.reason()).isEqualTo("PHQ-9 rose from 12 to 15 (+3) since the first session; an early "
					+ "warning: a rise of 3 or more while in the clinical range (6 would be a reliable change).");
		});
		assertThat(rules.deterioration(phq9(answered(1, 12), answered(2, 14)))).isEmpty();
		// 5 to 8 is a rise of 3, but below the clinical cut-off: not yet a warning
		assertThat(rules.deterioration(phq9(answered(1, 5), answered(2, 8)))).isEmpty();
		// 5 to 11 is reliable wherever it ends
		assertThat(rules.deterioration(phq9(answered(1, 5), answered(2, 11)))).isPresent();
	}

	@Test
	void raisesDeteriorationOnAHigherIsBetterInstrumentWhenTheScoreFalls() {
		var wellbeing = new OutcomeSeries("WB", "Wellbeing", ScoreDirection.HIGHER_IS_BETTER, 10,
				List.of(answered(1, 60), answered(2, 50)));

		assertThat(rules.deterioration(wellbeing)).hasValueSatisfying(alert -> assertThat(alert.reason())
			.isEqualTo("Wellbeing fell from 60 to 50 (\u221210) since the first session; a fall of 10 or more is a "
					+ "reliable change."));
		assertThat(rules.deterioration(new OutcomeSeries("WB", "Wellbeing", ScoreDirection.HIGHER_IS_BETTER, 10,
				List.of(answered(1, 60), answered(2, 75))))).isEmpty();
	}

	@Test
	void comparesTheNewestAnsweredScoreWithTheFirstAnsweredOne() {
		var series = phq9(Observation.missed(1, at(1)), answered(2, 10), answered(3, 16), Observation.missed(4, at(4)));

		assertThat(rules.deterioration(series)).hasValueSatisfying(alert -> {
			assertThat(alert.sessionNumber()).isEqualTo(3);
			assertThat(alert.reason()).startsWith("PHQ-9 rose from 10 to 16 (+6) since session 2;");
		});
	}

	@Test
	void raisesOffTrackWhenTwoScoresInARowAreWorseThanExpectedPlusTolerance() {
		// Starting at 18 (band 15-19, b = -3.75, tolerance 4.5): expected 13.9 at session 3 (edge 18.4)
		// and 12.8 at session 4 (edge 17.3).
		assertThat(rules.offTrack(phq9(answered(1, 18), answered(3, 19), answered(4, 18)))).hasValueSatisfying(alert -> {
			assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM);
			assertThat(alert.sessionNumber()).isEqualTo(4);
			assertThat(alert.reason()).isEqualTo("PHQ-9 is 18 at session 4; expected 12.8 \u00b1 4.5 for a client "
					+ "starting at 18 (off track two times in a row).");
			assertThat(alert.dedupeKey()).isEqualTo("OFF_TRACK:PHQ-9");
		});
		assertThat(rules.offTrack(phq9(answered(1, 18), answered(3, 18.41), answered(4, 17.31)))).isPresent();
		// one score off track is not yet a trend
		assertThat(rules.offTrack(phq9(answered(1, 18), answered(3, 18), answered(4, 18)))).isEmpty();
		assertThat(rules.offTrack(phq9(answered(1, 18), answered(3, 19), answered(4, 17.3)))).isEmpty();
		// before session 4 the expected improvement has not had time to show
		assertThat(rules.offTrack(phq9(answered(1, 18), answered(2, 24), answered(3, 24)))).isEmpty();
	}

	@Test
	void raisesNoOffTrackAlertWithoutATrajectoryOrAFollowUpScore() {
		var k10 = new OutcomeSeries("K10", "K10", ScoreDirection.HIGHER_IS_WORSE, 8,
				List.of(answered(1, 20), answered(4, 50)));

		assertThat(rules.offTrack(k10)).isEmpty();
		assertThat(rules.offTrack(phq9(answered(1, 27)))).isEmpty();
	}

	@Test
	void raisesAllianceAlertAtTheFirstCheckInOnlyBelowTheCutOff() {
		assertThat(rules.alliance(List.of(checkIn(1, 7.25)))).hasValueSatisfying(alert -> {
			assertThat(alert.type()).isEqualTo(AlertType.ALLIANCE);
			assertThat(alert.instrumentCode()).isNull();
			assertThat(alert.dedupeKey()).isEqualTo("ALLIANCE:S1");
			assertThat(alert.reason()).isEqualTo("Session check-in averaged 7.3 of 10 at session 1, below the cut-off "
					+ "of 7.5 that applies until this client has one earlier check-in to compare with.");
		});
		assertThat(rules.alliance(List.of(checkIn(1, 7.5)))).isEmpty();
		// the median check-in is about 8.8: the old cut-off of 9 fired on half of them
		assertThat(rules.alliance(List.of(checkIn(1, 8.75)))).isEmpty();
		assertThat(rules.alliance(List.of())).isEmpty();
	}

	@Test
	void raisesAllianceAlertWhenTheCheckInFallsWellBelowTheClientsOwnMedian() {
		// usual level: median of 9.5, 9.0 and 9.75 = 9.5; a fall of 1.25 or more is a possible rupture
		var usual = List.of(checkIn(1, 9.5), checkIn(2, 9.0), checkIn(3, 9.75));
		assertThat(rules.alliance(append(usual, checkIn(4, 8.25)))).hasValueSatisfying(alert -> {
			assertThat(alert.sessionNumber()).isEqualTo(4);
			assertThat(alert.dedupeKey()).isEqualTo("ALLIANCE:S4");
			assertThat(alert.reason()).isEqualTo("Session check-in averaged 8.3 of 10 at session 4, 1.3 below this "
					+ "client's usual 9.5 (the median of 3 earlier check-ins); a fall of 1.3 or more is worth talking "
					+ "through.");
		});
		assertThat(rules.alliance(append(usual, checkIn(4, 8.5)))).isEmpty();
		// a client who always rates 7.5 is not in a rupture at 7.5; one who usually rates 10 may be at 8.5
		assertThat(rules.alliance(List.of(checkIn(1, 7.5), checkIn(2, 7.75), checkIn(3, 7.5)))).isEmpty();
		assertThat(rules.alliance(List.of(checkIn(1, 10), checkIn(2, 8.5)))).isPresent();
	}

	@Test
	void aLaterRuptureHasItsOwnKeySoAnOpenAlertForAnEarlierOneDoesNotHideIt() {
		var first = rules.alliance(List.of(checkIn(1, 9), checkIn(2, 6.5))).orElseThrow();
		var later = rules.alliance(List.of(checkIn(1, 9), checkIn(2, 6.5), checkIn(3, 9), checkIn(4, 9),
				checkIn(5, 6.5))).orElseThrow();

		assertThat(first.dedupeKey()).isEqualTo("ALLIANCE:S2");
		assertThat(later.dedupeKey()).isEqualTo("ALLIANCE:S5");
	}

	@Test
	void raisesNoReliableChangeFromTheSixthSessionWhileStillInTheClinicalRange() {
		assertThat(rules.noReliableChange(phq9(answered(1, 16), answered(3, 17), answered(6, 15))))
			.hasValueSatisfying(alert -> {
				assertThat(alert.severity()).isEqualTo(AlertSeverity.LOW);
				assertThat(alert.reason()).isEqualTo("PHQ-9 is 15 at session 6, down 1 from 16 at the first session; "
						+ "still in the clinical range, with no reliable change (6 or more) after 6 sessions.");
			});
		assertThat(rules.noReliableChange(phq9(answered(1, 16), answered(6, 16))))
			.hasValueSatisfying(alert -> assertThat(alert.reason())
				.contains("16 at session 6, the same as at the first session;"));
		assertThat(rules.noReliableChange(phq9(answered(1, 16), answered(5, 15)))).isEmpty();
	}

	@Test
	void raisesNoNoReliableChangeAlertAfterReliableChangeOrOutOfTheClinicalRange() {
		assertThat(rules.noReliableChange(phq9(answered(1, 16), answered(6, 10)))).isEmpty();
		assertThat(rules.noReliableChange(phq9(answered(1, 12), answered(6, 18)))).isEmpty();
		assertThat(rules.noReliableChange(phq9(answered(1, 12), answered(7, 8)))).isEmpty();
	}

	@Test
	void raisesMissedWhenTheTwoMostRecentDueMeasuresWereMissed() {
		var series = phq9(answered(1, 14), Observation.missed(2, at(2)), Observation.missed(3, at(3)));

		assertThat(rules.missed(series)).hasValueSatisfying(alert -> {
			assertThat(alert.severity()).isEqualTo(AlertSeverity.LOW);
			assertThat(alert.sessionNumber()).isEqualTo(3);
			assertThat(alert.observedAt()).isEqualTo(at(3));
			assertThat(alert.reason())
				.isEqualTo("PHQ-9 was missed at sessions 2 and 3, the last two times it was due.");
		});
		assertThat(rules.missed(phq9(answered(1, 14), answered(2, 12), Observation.missed(3, at(3))))).isEmpty();
		assertThat(rules.missed(phq9(Observation.missed(1, at(1)), Observation.missed(2, at(2)), answered(3, 12))))
			.isEmpty();
	}

	@Test
	void neverRaisesMissedForMeasuresTheClientDeclined() {
		assertThat(rules.missed(phq9(answered(1, 14), Observation.declined(2, at(2)), Observation.declined(3, at(3)))))
			.isEmpty();
		assertThat(rules.missed(phq9(answered(1, 14), Observation.missed(2, at(2)), Observation.declined(3, at(3)))))
			.isEmpty();
		assertThat(rules.missed(phq9(answered(1, 14), Observation.declined(2, at(2)), Observation.missed(3, at(3)))))
			.isEmpty();
		var declinedThroughout = phq9(answered(1, 14), Observation.declined(2, at(2)), Observation.declined(3, at(3)),
				Observation.declined(4, at(4)), Observation.declined(5, at(5)));
		assertThat(rules.evaluate(new ClientHistory(List.of(declinedThroughout), List.of()))).isEmpty();
	}

	@Test
	void listsRiskFirst() {
		var gad7 = new OutcomeSeries("GAD-7", "GAD-7", ScoreDirection.HIGHER_IS_WORSE, 5,
				List.of(answered(1, 10), answered(3, 15), answered(4, 16)));
		var phq9 = phq9(answered(1, 6), Observation.completed(4, at(4), 7, false, List.of(ITEM_NINE)));
		var history = new ClientHistory(List.of(gad7, phq9), List.of(checkIn(3, 9.5), checkIn(4, 8)));

		List<AlertCandidate> alerts = rules.evaluate(history);

		assertThat(alerts).extracting(AlertCandidate::dedupeKey)
			.containsExactly("RISK:PHQ-9", "DETERIORATION:GAD-7:RELIABLE", "OFF_TRACK:GAD-7", "ALLIANCE:S4");
	}

	@Test
	void judgesChangeOnThePrimaryInstrumentOnly() {
		// PHQ-9 elevated at intake: GAD-7 worsening alone raises nothing (correlated measures double false alarms)
		var phq9 = phq9(answered(1, 15), answered(2, 14));
		var gad7 = gad7(Observation.completed(1, at(1), 9, true), Observation.completed(2, at(2), 13, true));
		assertThat(rules.evaluate(new ClientHistory(List.of(phq9, gad7), List.of()))).isEmpty();
		// PHQ-9 not elevated: anxiety is the presenting problem and GAD-7 is judged
		var mild = phq9(answered(1, 6), answered(2, 6));
		assertThat(rules.evaluate(new ClientHistory(List.of(mild, gad7), List.of())))
			.extracting(AlertCandidate::dedupeKey)
			.containsExactly("DETERIORATION:GAD-7:RELIABLE");
	}

	@Test
	void raisesNothingForAClientImprovingAsExpected() {
		var series = phq9(answered(1, 18), answered(2, 16), answered(3, 14), answered(4, 13), answered(5, 12),
				answered(6, 9));
		var history = new ClientHistory(List.of(series), List.of(checkIn(5, 9.6), checkIn(6, 9.8)));

		assertThat(rules.evaluate(history)).isEmpty();
	}

	@Test
	void keepsTheSameDedupeKeyWhateverTheNumbers() {
		var first = rules.deterioration(phq9(answered(1, 10), answered(2, 17))).orElseThrow();
		var later = rules.deterioration(phq9(answered(1, 10), answered(2, 17), answered(3, 22))).orElseThrow();

		assertThat(first.reason()).isNotEqualTo(later.reason());
		assertThat(first.dedupeKey()).isEqualTo(later.dedupeKey()).isEqualTo("DETERIORATION:PHQ-9:RELIABLE");
	}

	@Test
	void anEarlyWarningDoesNotHideALaterReliableDeterioration() {
		var early = rules.deterioration(phq9(answered(1, 12), answered(2, 15))).orElseThrow();
		var reliable = rules.deterioration(phq9(answered(1, 12), answered(2, 15), answered(3, 19))).orElseThrow();

		assertThat(early.dedupeKey()).isNotEqualTo(reliable.dedupeKey());
	}

	@Test
	void honoursOtherThresholds() {
		var strict = new AlertRules(new AlertSettings(8.0, 2.0, 4, 3), PracticeTrajectories.defaults());

		assertThat(strict.alliance(List.of(checkIn(1, 9.5), checkIn(2, 8.6)))).isEmpty();
		assertThat(strict.noReliableChange(phq9(answered(1, 16), answered(4, 15)))).isPresent();
		assertThat(strict.missed(phq9(answered(1, 14), Observation.missed(2, at(2)), Observation.missed(3, at(3)))))
			.isEmpty();
		assertThat(strict.missed(phq9(Observation.missed(1, at(1)), Observation.missed(2, at(2)),
				Observation.missed(3, at(3)))))
			.hasValueSatisfying(alert -> assertThat(alert.reason())
				.isEqualTo("PHQ-9 was missed at sessions 1, 2 and 3, the last three times it was due."));
	}

	private static OutcomeSeries phq9(Observation... observations) {
		return new OutcomeSeries("PHQ-9", "PHQ-9", ScoreDirection.HIGHER_IS_WORSE, 6, List.of(observations));
	}

	private static Observation answered(int session, double total) {
		return Observation.completed(session, at(session), total, total >= 10);
	}

	private static OutcomeSeries gad7(Observation... observations) {
		return new OutcomeSeries("GAD-7", "GAD-7", ScoreDirection.HIGHER_IS_WORSE, 4, List.of(observations));
	}

	private static List<CheckIn> append(List<CheckIn> earlier, CheckIn newest) {
		var all = new java.util.ArrayList<>(earlier);
		all.add(newest);
		return all;
	}

	private static CheckIn checkIn(int session, double average) {
		return new CheckIn(session, at(session), average);
	}

	private static Instant at(int session) {
		return FIRST_SESSION.plus(Duration.ofDays(7L * (session - 1)));
	}

}
