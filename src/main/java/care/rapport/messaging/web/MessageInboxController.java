package care.rapport.messaging.web;

import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.messaging.InboxRow;
import care.rapport.messaging.Messages;
import care.rapport.messaging.ReplyTimes;
import care.rapport.practice.Practices;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The therapist's messages: their clients' threads with unread counts, newest first (a
 * supervisor also sees their supervisees' clients, to read), and their usual reply time, which
 * their clients see. Lists no message text. Admins see that messages are not theirs to read.
 */
@Controller
class MessageInboxController {

	private final Clients clients;

	private final Messages messages;

	private final ReplyTimes replyTimes;

	private final Practices practices;

	private final AuditLog audit;

	MessageInboxController(Clients clients, Messages messages, ReplyTimes replyTimes, Practices practices,
			AuditLog audit) {
		this.clients = clients;
		this.messages = messages;
		this.replyTimes = replyTimes;
		this.practices = practices;
		this.audit = audit;
	}

	@GetMapping("/app/messages")
	String inbox(@AuthenticationPrincipal RapportUser staff, Model model) {
		boolean clinician = staff.has(Role.THERAPIST) || staff.has(Role.SUPERVISOR);
		List<InboxRow> rows = clinician ? messages.inbox(staff, clients.careTeamCaseload(staff)) : List.of();
		if (clinician) {
			audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.CLIENT_LIST_VIEWED,
					"Viewed the message inbox (" + rows.size() + " clients)"));
		}
		model.addAttribute("clinician", clinician);
		model.addAttribute("isTherapist", staff.has(Role.THERAPIST));
		model.addAttribute("threads", rows.stream().filter(r -> r.messages() > 0).toList());
		model.addAttribute("quiet", rows.stream().filter(r -> r.messages() == 0 && r.ownClient()).toList());
		model.addAttribute("showTherapist", rows.stream().anyMatch(r -> !r.ownClient()));
		model.addAttribute("replyWithin", replyTimes.of(staff.practiceId(), staff.id()).orElse(null));
		model.addAttribute("choices", ReplyTimes.CHOICES);
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		model.addAttribute("crisis", practices.crisisResources(staff.practiceId()));
		return "messaging/inbox";
	}

	@PostMapping("/app/messages/reply-time")
	String setReplyTime(@AuthenticationPrincipal RapportUser staff, @RequestParam(defaultValue = "") String days,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!staff.has(Role.THERAPIST)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "error/forbidden";
		}
		Integer chosen = days.isBlank() ? null : parse(days);
		if (!days.isBlank() && (chosen == null || !ReplyTimes.CHOICES.contains(chosen))) {
			redirect.addFlashAttribute("error", "Choose one of the reply times offered.");
			return "redirect:/app/messages#reply-time";
		}
		replyTimes.set(staff, chosen);
		redirect.addFlashAttribute("notice", chosen == null
				? "Your clients no longer see a usual reply time."
				: "Saved. Your clients see: \"" + staff.displayName() + " usually replies " + ReplyTimes.phrase(chosen)
						+ ".\"");
		return "redirect:/app/messages#reply-time";
	}

	private static @Nullable Integer parse(String days) {
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
