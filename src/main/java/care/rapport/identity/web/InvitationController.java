package care.rapport.identity.web;

import care.rapport.identity.Accounts;
import care.rapport.identity.Invitations;
import care.rapport.identity.Invitations.Invitation;
import care.rapport.identity.Invitations.InvitationException;
import care.rapport.identity.Invitations.Status;
import care.rapport.identity.PasswordPolicy;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Opening an invitation link: set a password (or confirm an existing one) and join the practice. */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final PasswordPolicy passwordPolicy;

	InvitationController(Invitations invitations, PasswordPolicy passwordPolicy) {
		this.invitations = invitations;
		this.passwordPolicy = passwordPolicy;
	}

	@GetMapping("/invitations/{token}")
	String open(@PathVariable String token, Model model) {
		return show(token, model);
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpSession session) {
		Invitation invitation = find(token);
		if (invitations.status(invitation) != Status.OPEN) {
			return show(token, model);
		}
		boolean existing = invitations.accountExists(invitation);
		if (!existing) {
			var problem = passwordPolicy.problemWith(password, invitation.email());
			if (problem.isEmpty() && !password.equals(confirmation)) {
				problem = java.util.Optional.of("The two passwords are not the same. Type the same password twice.");
			}
			if (problem.isPresent()) {
				model.addAttribute("error", problem.get());
				return show(token, model);
			}
		}
		try {
			invitations.accept(token, password);
		}
		catch (InvitationException ex) {
			if (ex.status() == Status.OPEN) {
				model.addAttribute("error", "That is not the password of your Rapport account. Try again.");
			}
			return show(token, model);
		}
		session.setAttribute("rapport.signIn.email", Accounts.normalizeEmail(invitation.email()));
		return "redirect:/login?welcome";
	}

	@PostMapping("/invitations/{token}/renew")
	String renew(@PathVariable String token, Model model) {
		Invitation invitation = find(token);
		invitations.renew(token);
		model.addAttribute("invitation", invitation);
		return "identity/invitation-renewed";
	}

	private String show(String token, Model model) {
		Invitation invitation = find(token);
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		model.addAttribute("status", invitations.status(invitation).name());
		model.addAttribute("existingAccount", invitations.accountExists(invitation));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "identity/invitation";
	}

	private Invitation find(String token) {
		return invitations.findByToken(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This invitation link is not valid"));
	}

}
