package care.rapport.feedback.web;

import java.util.Arrays;
import java.util.UUID;

import care.rapport.feedback.AlertAction;
import care.rapport.feedback.AlertId;
import care.rapport.feedback.Alerts;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The care team's alerts: most urgent first, acknowledged with an action, then resolved. */
@Controller
class AlertsController {

	private final Alerts alerts;

	private final Practices practices;

	AlertsController(Alerts alerts, Practices practices) {
		this.alerts = alerts;
		this.practices = practices;
	}

	@GetMapping("/app/alerts")
	String list(@AuthenticationPrincipal RapportUser staff, Model model) {
		var shown = alerts.forCareTeam(staff);
		model.addAttribute("alerts", shown);
		// Every critical answer behind a risk alert, so a new one is never hidden behind the first.
		var evidence = new java.util.HashMap<AlertId, java.util.List<Alerts.RiskEvidence>>();
		shown.stream()
			.filter(a -> a.type() == care.rapport.feedback.AlertType.RISK)
			.forEach(a -> evidence.put(a.id(), alerts.evidenceOf(staff.practiceId(), a.id())));
		model.addAttribute("evidence", evidence);
		model.addAttribute("actions", AlertAction.values());
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		model.addAttribute("now", java.time.Instant.now());
		return "feedback/alerts";
	}

	@PostMapping("/app/alerts/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect) {
		var alert = alerts.find(staff, new AlertId(id)).orElseThrow(RecordNotFoundException::new);
		AlertAction chosen = Arrays.stream(AlertAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
		String error = chosen == null ? "Choose what you did about this alert."
				: chosen == AlertAction.OTHER && note.isBlank() ? "Add a short note saying what you did." : null;
		if (note.length() > 2000) {
			error = "Keep the note under 2,000 characters.";
		}
		if (error != null) {
			model.addAttribute("errorFor", alert.id());
			model.addAttribute("error", error);
			model.addAttribute("typedNote", note);
			model.addAttribute("typedAction", action);
			return list(staff, model);
		}
		boolean done = alerts.acknowledge(staff, alert.id(), chosen, note);
		redirect.addFlashAttribute("notice", done ? "Alert for " + alert.clientName() + " acknowledged."
				: "This alert was already acknowledged.");
		return "redirect:/app/alerts";
	}

	@PostMapping("/app/alerts/{id}/resolve")
	String resolve(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, RedirectAttributes redirect) {
		var alert = alerts.find(staff, new AlertId(id)).orElseThrow(RecordNotFoundException::new);
		boolean done = alerts.resolve(staff, alert.id());
		redirect.addFlashAttribute("notice", done ? "Alert for " + alert.clientName() + " resolved."
				: "Acknowledge the alert with what you did before resolving it.");
		return "redirect:/app/alerts";
	}

}
