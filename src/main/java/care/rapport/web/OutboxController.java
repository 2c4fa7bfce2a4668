package care.rapport.web;

import java.time.Instant;
import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import care.rapport.mail.Outbox;
import care.rapport.mail.OutboxMessage;
import care.rapport.mail.OutboxPage;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The practice's outbox in the browser, so that in the demo without a mail server a newcomer can
 * still open invitation links. Every staff member sees that a message exists (to, subject,
 * status); its text, whose links may grant access to an account or a questionnaire, only the
 * person who caused it and the recipient see.
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

	/** One message as a staff member sees it; {@code lines} is null when its text is withheld from them. */
	record OutboxRow(String recipient, String subject, Instant createdAt, @Nullable Instant sentAt,
			@Nullable String lastError, @Nullable List<String> lines) {

		static OutboxRow of(OutboxMessage message, RapportUser viewer) {
			boolean readable = message.textVisibleTo(viewer.id().value(), viewer.email());
			return new OutboxRow(message.recipient(), message.subject(), message.createdAt(), message.sentAt(),
					message.lastError(), readable ? List.of(message.body().split("\n")) : null);
		}

	}

	@GetMapping("/app/outbox")
	String outbox(@AuthenticationPrincipal RapportUser staff, Model model) {
		if (!page.enabled()) {
			throw new RecordNotFoundException();
		}
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.OUTBOX_VIEWED, "Viewed the outbox"));
		model.addAttribute("messages",
				outbox.latest(staff.practiceId(), 100).stream().map(m -> OutboxRow.of(m, staff)).toList());
		model.addAttribute("reason", page.reason());
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		return "mail/outbox";
	}

}
