package care.rapport.clients.web;

import java.util.UUID;

import care.rapport.clients.ClientDetails;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.clients.EpisodeRefused;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.practice.RefusedForm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for client records: the list, adding (and inviting) a client, one record. */
@Controller
class ClientsController {

	private final Clients clients;

	private final Accounts accounts;

	private final care.rapport.clients.Episodes episodes;

	private final care.rapport.practice.Practices practices;

	ClientsController(Clients clients, Accounts accounts, care.rapport.clients.Episodes episodes,
			care.rapport.practice.Practices practices) {
		this.episodes = episodes;
		this.practices = practices;
		this.clients = clients;
		this.accounts = accounts;
	}

	@GetMapping("/app/clients")
	String list(@AuthenticationPrincipal RapportUser staff, @RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("clients", q.isBlank() ? clients.visibleTo(staff) : clients.search(staff, q));
		model.addAttribute("q", q);
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
		var client = clients.openForAdministration(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
		return detail(staff, client, model);
	}

	private String detail(RapportUser staff, care.rapport.clients.Client client, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("details", clients.details(staff, client.id()));
		model.addAttribute("careTeam", clients.isOnCareTeam(staff, client.id()));
		var episode = episodes.current(staff.practiceId(), client.id()).orElse(null);
		model.addAttribute("episode", episode);
		model.addAttribute("episodeSince", episode == null ? ""
				: episode.openedAt().atZone(practices.get(staff.practiceId()).timeZone()).toLocalDate().toString());
		return "clients/detail";
	}

	@GetMapping("/app/clients/{id}/edit")
	String edit(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		var client = clients.openForAdministration(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
		return editForm(staff, model, client, client.displayName(), clients.details(staff, client.id()), null);
	}

	@PostMapping("/app/clients/{id}/edit")
	String saveDetails(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String legalName,
			@RequestParam(defaultValue = "") String pronouns, @RequestParam(defaultValue = "") String dateOfBirth,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "EMAIL") String contactPreference,
			@RequestParam(defaultValue = "") String emergencyContact,
			@RequestParam(defaultValue = "") String presentingConcerns, Model model, RedirectAttributes redirect) {
		var client = clients.openForAdministration(staff, new ClientId(id))
			.orElseThrow(RecordNotFoundException::new);
		java.time.LocalDate dob = null;
		String error = null;
		if (displayName.isBlank() || displayName.length() > 120) {
			error = "Enter the name the client goes by (up to 120 characters).";
		}
		else if (!ClientDetails.CONTACT_PREFERENCES.contains(contactPreference)) {
			error = "Choose how the client prefers to be contacted from the list.";
		}
		else if (presentingConcerns.length() > 4000 || emergencyContact.length() > 500 || legalName.length() > 200
				|| pronouns.length() > 40 || phone.length() > 40) {
			error = "One of the fields is too long; shorten it and save again.";
		}
		else if (!dateOfBirth.isBlank()) {
			try {
				dob = java.time.LocalDate.parse(dateOfBirth);
				if (dob.isAfter(java.time.LocalDate.now()) || dob.isBefore(java.time.LocalDate.of(1900, 1, 1))) {
					error = "The date of birth must be a real date in the past.";
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				error = "Enter the date of birth as YYYY-MM-DD.";
			}
		}
		var details = new ClientDetails(legalName, pronouns, dob, phone, contactPreference, emergencyContact,
				presentingConcerns);
		if (error != null) {
			model.addAttribute("dateOfBirthTyped", dateOfBirth);
			return editForm(staff, model, client, displayName, details, error);
		}
		clients.updateDetails(staff, client.id(), displayName, details);
		redirect.addFlashAttribute("notice", "Details saved.");
		return "redirect:/app/clients/" + id;
	}

	@PostMapping("/app/clients/{id}/episode/close")
	String closeEpisode(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String summary,
			Model model, RedirectAttributes redirect) {
		var client = clients.openForCare(staff, new ClientId(id), "Closed the episode of care")
			.orElseThrow(RecordNotFoundException::new);
		try {
			episodes.close(staff, client.id(), reason, summary);
		}
		catch (EpisodeRefused ex) {
			RefusedForm.show(model, ex, ex.getMessage() + " Nothing was changed.");
			model.addAttribute("closeReason", reason);
			model.addAttribute("closeSummary", summary);
			return detail(staff, client, model);
		}
		redirect.addFlashAttribute("notice", "Episode closed. Booking a new session opens a new episode.");
		return "redirect:/app/clients/" + id;
	}

	private String editForm(RapportUser staff, Model model, care.rapport.clients.Client client, String displayName,
			ClientDetails details, String error) {
		model.addAttribute("client", client);
		model.addAttribute("displayName", displayName);
		model.addAttribute("details", details);
		model.addAttribute("careTeam", clients.isOnCareTeam(staff, client.id()));
		model.addAttribute("preferences", ClientDetails.CONTACT_PREFERENCES);
		model.addAttribute("error", error);
		return "clients/edit";
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
