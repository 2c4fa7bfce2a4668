package care.rapport.feedback.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Clients;
import care.rapport.feedback.Alerts;
import care.rapport.feedback.PracticeModels;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administrations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The therapist's caseload, sorted by who needs attention first. */
@Controller
class CaseloadController {

	private final Clients clients;

	private final Administrations administrations;

	private final Alerts alerts;

	private final CaseloadRows rows;

	private final AuditLog audit;

	private final PracticeModels models;

	CaseloadController(Clients clients, Administrations administrations, Alerts alerts, CaseloadRows rows,
			AuditLog audit, PracticeModels models) {
		this.models = models;
		this.clients = clients;
		this.administrations = administrations;
		this.alerts = alerts;
		this.rows = rows;
		this.audit = audit;
	}

	@GetMapping("/app/caseload")
	String caseload(@AuthenticationPrincipal RapportUser staff, Model model) {
		var caseload = clients.careTeamCaseload(staff);
		var ids = caseload.stream().map(c -> c.id()).toList();
		var histories = administrations.currentHistories(staff.practiceId(), ids);
		var openAlerts = alerts.unresolvedByClient(staff.practiceId(), ids);
		var trajectories = models.forPractice(staff.practiceId());
		List<CaseloadRows.Row> table = caseload.stream()
			.map(client -> rows.row(client, histories.getOrDefault(client.id(), List.of()),
					openAlerts.getOrDefault(client.id(), List.of()), trajectories))
			.sorted(Comparator.comparing(CaseloadRows.Row::need).thenComparing(r -> r.client().displayName()))
			.toList();
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.CASELOAD_VIEWED,
				"Viewed the caseload dashboard of " + table.size() + " clients"));
		model.addAttribute("rows", table);
		model.addAttribute("counts", Map.of("attention", table.stream().filter(r -> r.need() < 4).count()));
		return "feedback/caseload";
	}

}
