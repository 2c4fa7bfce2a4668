package care.rapport.feedback.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import care.rapport.clients.ClientId;
import care.rapport.feedback.CheckIn;
import care.rapport.feedback.ClientHistory;
import care.rapport.feedback.Observation;
import care.rapport.feedback.OutcomeSeries;
import care.rapport.feedback.ScoreDirection;
import care.rapport.measures.Administration;
import care.rapport.measures.Administrations;
import care.rapport.measures.Direction;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.InstrumentKind;
import care.rapport.measures.Instruments;
import care.rapport.practice.PracticeId;
import org.springframework.stereotype.Component;

/** Reads a client's measurement history in the shape the alert rules take. */
@Component
public class ClientHistories {

	private final Administrations administrations;

	private final Instruments instruments;

	ClientHistories(Administrations administrations, Instruments instruments) {
		this.administrations = administrations;
		this.instruments = instruments;
	}

	public ClientHistory of(PracticeId practice, ClientId client) {
		return of(practice, administrations.history(practice, client));
	}

	public ClientHistory of(PracticeId practice, List<Administration> history) {
		List<OutcomeSeries> outcomes = new ArrayList<>();
		List<CheckIn> checkIns = new ArrayList<>();
		for (InstrumentDefinition definition : instruments.all(practice)) {
			List<Administration> mine = history.stream()
				.filter(a -> a.instrumentCode().equals(definition.code()) && a.sessionNumber() != null)
				.toList();
			if (definition.kind() == InstrumentKind.ALLIANCE) {
				mine.stream()
					.filter(a -> a.total() != null && a.completedAt() != null)
					.forEach(a -> checkIns.add(new CheckIn(a.sessionNumber(), a.completedAt(), a.total().doubleValue())));
			}
			else if (definition.hasReliableChange()) {
				outcomes.add(new OutcomeSeries(definition.code(), definition.code(),
						definition.direction() == Direction.HIGHER_IS_WORSE ? ScoreDirection.HIGHER_IS_WORSE
								: ScoreDirection.HIGHER_IS_BETTER,
						definition.reliableChange().minimumReliableChange(), observations(mine)));
			}
		}
		return new ClientHistory(outcomes, checkIns);
	}

	private static List<Observation> observations(List<Administration> administrations) {
		List<Observation> observations = new ArrayList<>();
		for (Administration a : administrations) {
			Instant at = a.completedAt() != null ? a.completedAt() : a.dueAt();
			switch (a.status()) {
				case COMPLETED -> observations.add(Observation.completed(a.sessionNumber(), at, a.total().doubleValue(),
						Boolean.TRUE.equals(a.inClinicalRange())));
				case MISSED -> observations.add(Observation.missed(a.sessionNumber(), at));
				case DECLINED -> observations.add(Observation.declined(a.sessionNumber(), at));
				case DUE -> {
				}
			}
		}
		return observations;
	}

}
