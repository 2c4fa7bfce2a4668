package care.rapport.feedback.internal;

import java.time.Clock;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.clients.Episodes;
import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.feedback.PracticeModels;
import care.rapport.measures.Administration;
import care.rapport.measures.Administrations;
import care.rapport.measures.CriticalFinding;
import care.rapport.measures.HistoricalResponses;
import care.rapport.measures.ResponseScored;
import care.rapport.practice.PracticeId;
import care.rapport.scheduling.AppointmentAttended;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns scored responses into alerts. It runs inside the transaction that stores the response,
 * so a risk answer and its alert are committed together or not at all: never one without the other.
 * A response imported from history raises historical alerts: the same rules, kept out of the inbox.
 */
@Component
class AlertRaiser {

	/** The source the import gives the responses it records. */
	static final String IMPORTED = HistoricalResponses.SOURCE;

	private final Alerts alerts;

	private final Clients clients;

	private final Episodes episodes;

	private final Administrations administrations;

	private final ClientHistories histories;

	private final PracticeModels models;

	private final Clock clock;

	AlertRaiser(Alerts alerts, Clients clients, Episodes episodes, Administrations administrations,
			ClientHistories histories, PracticeModels models, Clock clock) {
		this.alerts = alerts;
		this.clients = clients;
		this.episodes = episodes;
		this.administrations = administrations;
		this.histories = histories;
		this.models = models;
		this.clock = clock;
	}

	@EventListener
	void on(ResponseScored scored) {
		var owner = clients.therapistOf(scored.practiceId(), scored.clientId());
		Administration response = administrations.find(scored.practiceId(), scored.clientId(), scored.administrationId())
			.orElse(null);
		boolean historical = response != null && IMPORTED.equals(response.source());
		@Nullable UUID episode = response != null ? response.episodeId() : null;
		// The session the answer belongs to; an answer outside any session counts as the episode's first.
		int session = response != null && response.sessionNumber() != null ? response.sessionNumber() : 1;
		var observedAt = response != null && response.completedAt() != null ? response.completedAt() : clock.instant();
		for (CriticalFinding finding : scored.score().criticalFindings()) {
			var candidate = new AlertCandidate(AlertType.RISK, AlertType.RISK.severity(),
					scored.score().instrumentCode(), session, observedAt,
					"%s at session %d: %s Answered \u201c%s\u201d (%d).".formatted(scored.score().instrumentCode(),
							session, finding.message(), finding.answerLabel(), finding.value()));
			alerts.recordRisk(scored.practiceId(), scored.clientId(), owner, candidate,
					new Alerts.RiskAnswer(scored.administrationId().value(), finding.itemId(), finding.value()), episode,
					historical);
		}
		// Risk came straight from this response's critical answers above; the rules add the rest.
		evaluateRules(scored.practiceId(), scored.clientId(), scored.administrationId().value(), episode, historical);
	}

	/**
	 * A session marks the measures due before it and not done as missed (measures listens first),
	 * which is evidence for the rules too.
	 */
	@EventListener
	@Order(10)
	void on(AppointmentAttended attended) {
		evaluateRules(attended.practiceId(), attended.clientId(), null, attended.episodeId().value(), false);
	}

	private void evaluateRules(PracticeId practice, ClientId client, @Nullable UUID administrationId,
			@Nullable UUID episode, boolean historical) {
		var owner = clients.therapistOf(practice, client);
		@Nullable UUID inEpisode = episode != null ? episode
				: episodes.current(practice, client).map(e -> e.id().value()).orElse(null);
		for (AlertCandidate candidate : models.rulesFor(practice).evaluate(histories.of(practice, client))) {
			if (candidate.type() != AlertType.RISK) {
				alerts.raise(practice, client, owner, candidate, administrationId, inEpisode, historical);
			}
		}
	}

	@Scheduled(fixedDelayString = "${rapport.feedback.escalation-check-interval:PT1M}")
	void escalateOverdueRisks() {
		alerts.escalateOverdueRisks();
	}

}
