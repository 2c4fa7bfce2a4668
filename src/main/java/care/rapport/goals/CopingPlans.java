package care.rapport.goals;

import java.time.Clock;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.goals.internal.GoalStore;
import care.rapport.identity.RapportUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The client's coping plan: the client writes it, their care team reads it. */
@Service
public class CopingPlans {

	private final GoalStore store;

	private final AuditLog audit;

	private final Clock clock;

	CopingPlans(GoalStore store, AuditLog audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/** The plan, or an empty one when the client has not written it yet. */
	public CopingPlan of(RapportUser reader, Client client) {
		return store.copingPlan(reader.practiceId(), client.id()).orElseGet(CopingPlan::empty);
	}

	/**
	 * The client saves their plan; any part may be left empty.
	 * @throws GoalInputException when a part is longer than {@link CopingPlan#MAX_LENGTH}; nothing is stored
	 */
	@Transactional
	public void save(RapportUser self, Client client, String strategies, String people, String crisisSteps) {
		var plan = new CopingPlan(part("strategies", strategies), part("people", people),
				part("crisisSteps", crisisSteps), null);
		store.saveCopingPlan(self.practiceId(), client.id(), plan, self.id(), clock.instant());
		audit.record(AuditEntry.aboutClient(self.practiceId(), self.actor(), AuditAction.COPING_PLAN_SAVED,
				client.id().value(), "Saved the coping plan"));
	}

	private static String part(String field, String text) {
		return text.isBlank() ? "" : GoalInputException.text(field, text, CopingPlan.MAX_LENGTH, "");
	}

}
