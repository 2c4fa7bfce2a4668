package care.rapport.clients.web;

import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for client records: the list, adding (and inviting) a client, one record. */
@Controller
class ClientsController {

	private final Clients clients;

	private final Accounts accounts;

	ClientsController(Clients clients, Accounts accounts) {
		this.clients = clients;
		this.accounts = accounts;
	}

	@GetMapping("/app/clients")
	String list(@AuthenticationPrincipal RapportUser staff, Model model) {
		model.addAttribute("clients", clients.visibleTo(staff));
		return "clients/list";
	}

	@GetMapping("/app/clients/new")
	String form(@AuthenticationPrincipal RapportUser staff, Model model) {
		return form(staff, model, "", "", staff.has(Role.THERAPIST) ? staff.id().value() : null, null);
	}

	@PostMapping("/app/clients")
	String add(@AuthenticationPrincipal RapportUser staff, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(required = false) UUID therapistId,
			Model model, RedirectAttributes redirect) {
		String error = null;
		if (displayName.isBlank() || displayName.length() > 120) {
			error = "Enter the client's name (up to 120 characters).";
		}
		else if (!Accounts.isPlausibleEmail(email)) {
			error = "Enter a valid e-mail address: the invitation to the portal goes there.";
		}
		else if (therapistId == null || !clients.therapistIn(staff.practiceId(), new UserId(therapistId))) {
			error = "Choose the client's therapist from the list.";
		}
		else if (!staff.has(Role.PRACTICE_ADMIN) && !therapistId.equals(staff.id().value())) {
			error = "You can add clients to your own caseload only; an admin can assign other therapists.";
		}
		if (error != null) {
			return form(staff, model, displayName, email, therapistId, error);
		}
		ClientId id = clients.add(staff, displayName, email, new UserId(therapistId));
		redirect.addFlashAttribute("notice", "Client added. An invitation to the portal went to " + email.strip()
				+ "; the link works once, for 72 hours.");
		return "redirect:/app/clients/" + id;
	}

	@GetMapping("/app/clients/{id}")
	String show(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		var client = clients.open(staff, new ClientId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("client", client);
		return "clients/detail";
	}

	private String form(RapportUser staff, Model model, String displayName, String email, UUID therapistId,
			String error) {
		model.addAttribute("therapists", staff.has(Role.PRACTICE_ADMIN) ? accounts.clinicians(staff.practiceId())
				: accounts.member(staff.practiceId(), staff.id()).stream().toList());
		model.addAttribute("displayName", displayName);
		model.addAttribute("email", email);
		model.addAttribute("therapistId", therapistId);
		model.addAttribute("error", error);
		return "clients/new";
	}

}
