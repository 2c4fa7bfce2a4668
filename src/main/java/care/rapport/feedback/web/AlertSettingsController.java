package care.rapport.feedback.web;

import care.rapport.feedback.AlertType;
import care.rapport.feedback.OperatingPoints;
import care.rapport.identity.RapportUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The alert settings: each rule's thresholds and what they do on simulated cohorts (share of
 * clients flagged, share of deteriorating clients caught). No client data: every member of staff
 * may read it.
 */
@Controller
class AlertSettingsController {

	private final OperatingPoints points;

	AlertSettingsController(OperatingPoints points) {
		this.points = points;
	}

	@GetMapping("/app/alerts/settings")
	String settings(@AuthenticationPrincipal RapportUser staff, Model model) {
		model.addAttribute("settings", points.settings());
		model.addAttribute("points", points.forPractice(staff.practiceId()));
		model.addAttribute("types", AlertType.values());
		model.addAttribute("clients", OperatingPoints.CLIENTS);
		return "feedback/alert-settings";
	}

}
