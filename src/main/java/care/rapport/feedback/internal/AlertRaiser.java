package care.rapport.feedback.internal;

import care.rapport.clients.Clients;
import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.PracticeModels;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.measures.CriticalFinding;
import care.rapport.measures.ResponseScored;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns scored responses into alerts. It runs inside the transaction that stores the response,
 * so a risk answer and its alert are committed together or not at all: never one without the other.
 */
@Component
class AlertRaiser {

	private final Alerts alerts;

	private final Clients clients;

	private final ClientHistories histories;

	private final PracticeModels models;

	private final java.time.Clock clock;

	AlertRaiser(Alerts alerts, Clients clients, ClientHistories histories, PracticeModels models,
			java.time.Clock clock) {
		this.clock = clock;
		this.alerts = alerts;
		this.clients = clients;
		this.histories = histories;
		this.models = models;
	}

	@EventListener
	void on(ResponseScored scored) {
		var owner = clients.therapistOf(scored.practiceId(), scored.clientId());
		for (CriticalFinding finding : scored.score().criticalFindings()) {
			var candidate = new AlertCandidate(AlertType.RISK, AlertType.RISK.severity(),
					scored.score().instrumentCode(), 1, clock.instant(),
					"%s: %s Answered \u201c%s\u201d (%d).".formatted(scored.score().instrumentCode(), finding.message(),
							finding.answerLabel(), finding.value()));
			alerts.raise(scored.practiceId(), scored.clientId(), owner, candidate,
					scored.administrationId().value());
		}
		// Risk came straight from this response's critical answers above; the rules add the rest.
		evaluateRules(scored.practiceId(), scored.clientId(), scored.administrationId().value());
	}

	/**
	 * A session marks the measures due before it and not done as missed (measures listens first),
	 * which is evidence for the rules too.
	 */
	@EventListener
	@org.springframework.core.annotation.Order(10)
	void on(care.rapport.scheduling.AppointmentAttended attended) {
		evaluateRules(attended.practiceId(), attended.clientId(), null);
	}

	private void evaluateRules(care.rapport.practice.PracticeId practice, care.rapport.clients.ClientId client,
			java.util.@org.jspecify.annotations.Nullable UUID administrationId) {
		var owner = clients.therapistOf(practice, client);
		for (AlertCandidate candidate : models.rulesFor(practice).evaluate(histories.of(practice, client))) {
			if (candidate.type() != AlertType.RISK) {
				alerts.raise(practice, client, owner, candidate, administrationId);
			}
		}
	}

	@Scheduled(fixedDelayString = "${rapport.feedback.escalation-check-interval:PT1M}")
	void escalateOverdueRisks() {
		alerts.escalateOverdueRisks();
	}

}
