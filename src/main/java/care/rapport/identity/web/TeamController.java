package care.rapport.identity.web;

import java.util.List;

import care.rapport.identity.Accounts;
import care.rapport.identity.Invitations;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The practice's staff, and inviting more (admins only). */
@Controller
class TeamController {

	private static final List<Role> STAFF_ROLES = List.of(Role.THERAPIST, Role.SUPERVISOR, Role.PRACTICE_ADMIN);

	private final Accounts accounts;

	private final Invitations invitations;

	TeamController(Accounts accounts, Invitations invitations) {
		this.accounts = accounts;
		this.invitations = invitations;
	}

	@GetMapping("/app/team")
	String team(@AuthenticationPrincipal RapportUser user, Model model) {
		user.requirePracticeAdmin();
		model.addAttribute("members", accounts.staff(user.practiceId()));
		model.addAttribute("roles", STAFF_ROLES);
		model.addAttribute("displayName", "");
		model.addAttribute("email", "");
		model.addAttribute("role", Role.THERAPIST);
		return "identity/team";
	}

	@PostMapping("/app/team/invitations")
	String invite(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "THERAPIST") String role,
			Model model, RedirectAttributes redirect) {
		user.requirePracticeAdmin();
		Role chosen = STAFF_ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
		String error = null;
		if (displayName.isBlank()) {
			error = "Enter the person's name.";
		}
		else if (!Accounts.isPlausibleEmail(email)) {
			error = "Enter a valid e-mail address.";
		}
		else if (chosen == null) {
			error = "Choose a role from the list.";
		}
		if (error != null) {
			model.addAttribute("members", accounts.staff(user.practiceId()));
			model.addAttribute("roles", STAFF_ROLES);
			model.addAttribute("displayName", displayName);
			model.addAttribute("email", email);
			model.addAttribute("role", chosen == null ? Role.THERAPIST : chosen);
			model.addAttribute("error", error);
			return "identity/team";
		}
		invitations.invite(user.practiceId(), email, displayName, chosen, null, user.actor());
		redirect.addFlashAttribute("notice",
				"Invitation sent to " + email.strip() + ". The link works once, for 72 hours.");
		return "redirect:/app/team";
	}

}
