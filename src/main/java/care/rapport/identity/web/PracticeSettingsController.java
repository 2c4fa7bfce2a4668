package care.rapport.identity.web;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import care.rapport.practice.CrisisResources;
import care.rapport.practice.Practices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Practice settings for admins: where clients should turn in a crisis. */
@Controller
class PracticeSettingsController {

	private final Practices practices;

	private final AuditLog audit;

	PracticeSettingsController(Practices practices, AuditLog audit) {
		this.practices = practices;
		this.audit = audit;
	}

	@GetMapping("/app/practice")
	String settings(@AuthenticationPrincipal RapportUser admin, Model model) {
		admin.requirePracticeAdmin();
		var practice = practices.get(admin.practiceId());
		model.addAttribute("practice", practice);
		model.addAttribute("crisisLines", practices.crisisResources(admin.practiceId()).asText());
		model.addAttribute("defaultLines", CrisisResources.forJurisdiction(practice.jurisdiction()).asText());
		return "identity/practice-settings";
	}

	@PostMapping("/app/practice/crisis-lines")
	String saveCrisisLines(@AuthenticationPrincipal RapportUser admin, @RequestParam(defaultValue = "") String lines,
			Model model, RedirectAttributes redirect) {
		admin.requirePracticeAdmin();
		try {
			practices.setCrisisLines(admin.practiceId(), lines);
		}
		catch (IllegalArgumentException ex) {
			var practice = practices.get(admin.practiceId());
			model.addAttribute("practice", practice);
			model.addAttribute("crisisLines", lines);
			model.addAttribute("defaultLines", CrisisResources.forJurisdiction(practice.jurisdiction()).asText());
			model.addAttribute("error", ex.getMessage() + " Nothing was changed.");
			return "identity/practice-settings";
		}
		audit.record(AuditEntry.of(admin.practiceId(), admin.actor(), AuditAction.PRACTICE_SETTINGS_CHANGED,
				"Changed the crisis resources shown to clients"));
		redirect.addFlashAttribute("notice", lines.isBlank() ? "Crisis resources reset to the default."
				: "Crisis resources saved. Clients see them right after a risk answer.");
		return "redirect:/app/practice";
	}

}
