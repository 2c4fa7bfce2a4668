package care.rapport.web;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import care.rapport.mail.Outbox;
import care.rapport.mail.OutboxPage;
import care.rapport.practice.Practices;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The practice's outbox in the browser, so that without a mail server (the embedded mode) a
 * newcomer can still open invitation links. Off when Rapport runs on an external database.
 */
@Controller
class OutboxController {

	private final Outbox outbox;

	private final OutboxPage page;

	private final AuditLog audit;

	private final Practices practices;

	OutboxController(Outbox outbox, OutboxPage page, AuditLog audit, Practices practices) {
		this.outbox = outbox;
		this.page = page;
		this.audit = audit;
		this.practices = practices;
	}

	@GetMapping("/app/outbox")
	String outbox(@AuthenticationPrincipal RapportUser staff, Model model) {
		if (!page.enabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.OUTBOX_VIEWED, "Viewed the outbox"));
		model.addAttribute("messages", outbox.latest(staff.practiceId(), 100));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		return "mail/outbox";
	}

}
