package care.rapport.messaging.web;

import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.messaging.AttachmentId;
import care.rapport.messaging.MessageRefused;
import care.rapport.messaging.Messages;
import care.rapport.practice.RecordNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's message thread for the care team: the therapist reads (marking the client's messages
 * read), replies and switches messaging off or on; the therapist's supervisor reads only, and each
 * reading is audited. Admins and other therapists find nothing here (404).
 */
@Controller
class MessagesStaffController {

	private final Clients clients;

	private final Messages messages;

	private final ThreadPage page;

	MessagesStaffController(Clients clients, Messages messages, ThreadPage page) {
		this.clients = clients;
		this.messages = messages;
		this.page = page;
	}

	@GetMapping("/app/clients/{id}/messages")
	String thread(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(name = "file", required = false) @Nullable String fileProblem, Model model) {
		Client client = careTeam(staff, id);
		render(staff, client, model, null, "", null);
		if ("too-large".equals(fileProblem)) {
			model.addAttribute("errors", java.util.Map.of("file", ThreadPage.TOO_LARGE));
		}
		return "messaging/staff-thread";
	}

	@PostMapping("/app/clients/{id}/messages")
	String send(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) @Nullable UUID key,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Client client = careTeam(staff, id);
		try {
			messages.send(staff, client, text, ThreadPage.upload(file), key);
		}
		catch (MessageRefused refused) {
			if (refused.reason() == MessageRefused.Reason.NOT_A_PARTY) {
				return notAllowed(response);
			}
			render(staff, client, model, refused, text, key);
			return "messaging/staff-thread";
		}
		redirect.addFlashAttribute("notice", "Sent. The client gets an e-mail saying there is a message, without its text.");
		return "redirect:/app/clients/" + id + "/messages#latest";
	}

	@PostMapping("/app/clients/{id}/messages/switch")
	String switchMessaging(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String on, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Client client = careTeam(staff, id);
		boolean switchOn = "true".equals(on);
		try {
			messages.switchMessaging(staff, client, switchOn, reason);
		}
		catch (MessageRefused refused) {
			if (refused.reason() == MessageRefused.Reason.NOT_A_PARTY) {
				return notAllowed(response);
			}
			render(staff, client, model, null, "", null);
			model.addAttribute("reasonError", refused.getMessage());
			model.addAttribute("reason", reason);
			model.addAttribute("error", "Not switched off yet: see the marked part below. What you wrote is kept.");
			return "messaging/staff-thread";
		}
		redirect.addFlashAttribute("notice", switchOn ? "Messaging is on again for this client."
				: "Messaging is off for this client. They see that, with your reason if you gave one, and can still "
						+ "read earlier messages.");
		return "redirect:/app/clients/" + id + "/messages";
	}

	@GetMapping("/app/clients/{id}/messages/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID attachmentId) {
		return messages.download(staff, careTeam(staff, id), new AttachmentId(attachmentId))
			.map(ThreadPage::download)
			.orElseThrow(RecordNotFoundException::new);
	}

	private void render(RapportUser staff, Client client, Model model, @Nullable MessageRefused refused, String typed,
			@Nullable UUID key) {
		page.fill(model, staff.practiceId(), messages.open(staff, client), refused, typed, key);
		model.addAttribute("client", client);
		model.addAttribute("isTherapist", client.therapistId().equals(staff.id().value()));
		if (!model.containsAttribute("reason")) {
			model.addAttribute("reason", "");
		}
	}

	/** A supervisor reads a thread but does not write in it or switch it. */
	private static String notAllowed(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/forbidden";
	}

	private Client careTeam(RapportUser staff, UUID id) {
		return clients.recordForCareWithoutAudit(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
	}

}
