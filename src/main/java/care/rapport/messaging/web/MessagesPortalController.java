package care.rapport.messaging.web;

import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.messaging.AttachmentId;
import care.rapport.messaging.MessageRefused;
import care.rapport.messaging.Messages;
import care.rapport.practice.RecordNotFoundException;
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
 * The client's secure messages with their therapist: the thread, the not-for-emergencies banner
 * with the practice's crisis lines, and a form to write, with one file. A message that cannot be
 * sent brings the page back with the reason and what was typed.
 */
@Controller
class MessagesPortalController {

	private final Clients clients;

	private final Messages messages;

	private final ThreadPage page;

	MessagesPortalController(Clients clients, Messages messages, ThreadPage page) {
		this.clients = clients;
		this.messages = messages;
		this.page = page;
	}

	@GetMapping("/me/messages")
	String thread(@AuthenticationPrincipal RapportUser user, @RequestParam(name = "file", required = false)
			@Nullable String fileProblem, Model model) {
		Client client = own(user);
		page.fill(model, user.practiceId(), messages.open(user, client), null, "", null);
		if ("too-large".equals(fileProblem)) {
			model.addAttribute("errors", java.util.Map.of("file", ThreadPage.TOO_LARGE));
		}
		return "messaging/client-thread";
	}

	@PostMapping("/me/messages")
	String send(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable UUID key,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect) {
		Client client = own(user);
		try {
			messages.send(user, client, text, ThreadPage.upload(file), key);
		}
		catch (MessageRefused refused) {
			page.fill(model, user.practiceId(), messages.open(user, client), refused, text, key);
			return "messaging/client-thread";
		}
		redirect.addFlashAttribute("notice", "Your message is sent.");
		return "redirect:/me/messages#latest";
	}

	@GetMapping("/me/messages/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal RapportUser user, @PathVariable UUID attachmentId) {
		return messages.download(user, own(user), new AttachmentId(attachmentId))
			.map(ThreadPage::download)
			.orElseThrow(RecordNotFoundException::new);
	}

	private Client own(RapportUser user) {
		return clients.ownRecord(user).orElseThrow(RecordNotFoundException::new);
	}

}
