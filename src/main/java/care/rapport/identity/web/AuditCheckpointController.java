package care.rapport.identity.web;

import care.rapport.audit.AuditCheckpoints;
import care.rapport.identity.RapportUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lets a practice admin anchor the audit trail now, between the hourly checkpoints. */
@Controller
class AuditCheckpointController {

	private final AuditCheckpoints checkpoints;

	AuditCheckpointController(AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@PostMapping("/app/audit/checkpoint")
	String take(@AuthenticationPrincipal RapportUser admin, RedirectAttributes redirect) {
		admin.requirePracticeAdmin();
		if (checkpoints.take(admin.practiceId()).isPresent()) {
			redirect.addFlashAttribute("checkpointNotice", "Checkpoint recorded.");
		}
		else {
			redirect.addFlashAttribute("checkpointError",
					"No checkpoint recorded: the trail does not pass its integrity check since the last checkpoint.");
		}
		return "redirect:/app/audit";
	}

}
