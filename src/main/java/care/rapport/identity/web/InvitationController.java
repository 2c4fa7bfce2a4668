package care.rapport.identity.web;

import java.util.Optional;

import care.rapport.identity.Accounts;
import care.rapport.identity.Invitations;
import care.rapport.identity.Invitations.Invitation;
import care.rapport.identity.Invitations.InvitationException;
import care.rapport.identity.Invitations.Status;
import care.rapport.identity.PasswordPolicy;
import care.rapport.identity.RapportUser;
import care.rapport.identity.internal.SignIn;
import care.rapport.practice.LinkNotValid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opening an invitation link. Someone new sets a password. Someone with an account signs in first
 * (password, lock-out, second factor) and comes back to choose "Join" or "Decline". The page never
 * asks for an existing password and looks the same whether or not the address has an account.
 */
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
		var problem = passwordPolicy.problemWith(password, invitation.email());
		if (problem.isEmpty() && !password.equals(confirmation)) {
			problem = Optional.of("The two passwords are not the same. Type the same password twice.");
		}
		if (problem.isPresent()) {
			model.addAttribute("error", problem.get());
			return show(token, model);
		}
		try {
			invitations.acceptWithNewAccount(token, password);
		}
		catch (InvitationException ex) {
			return show(token, model);
		}
		session.setAttribute("rapport.signIn.email", Accounts.normalizeEmail(invitation.email()));
		return "redirect:/login?welcome";
	}

	/** "Already have an account?": sign in, then come back here to choose. */
	@GetMapping("/invitations/{token}/sign-in")
	String signInFirst(@PathVariable String token, HttpServletRequest request) {
		Invitation invitation = find(token);
		SignIn.returnToInvitation(request, token);
		request.getSession().setAttribute("rapport.signIn.email", Accounts.normalizeEmail(invitation.email()));
		return "redirect:/login?invitation";
	}

	@PostMapping("/invitations/{token}/join")
	String join(@PathVariable String token, Model model, RedirectAttributes redirect) {
		Invitation invitation = find(token);
		Optional<RapportUser> person = invitedPersonSignedIn(invitation);
		if (person.isEmpty() || invitations.status(invitation) != Status.OPEN) {
			return show(token, model);
		}
		try {
			invitations.join(token, person.get());
		}
		catch (InvitationException ex) {
			return show(token, model);
		}
		redirect.addFlashAttribute("notice", "You joined " + invitation.practiceName() + ".");
		return "redirect:/invitations/" + token + "/joined";
	}

	@GetMapping("/invitations/{token}/joined")
	String joined(@PathVariable String token, Model model) {
		Invitation invitation = find(token);
		model.addAttribute("invitation", invitation);
		return "identity/invitation-joined";
	}

	@PostMapping("/invitations/{token}/decline")
	String decline(@PathVariable String token, Model model) {
		Invitation invitation = find(token);
		Optional<RapportUser> person = invitedPersonSignedIn(invitation);
		if (person.isPresent() && invitations.status(invitation) == Status.OPEN) {
			try {
				invitations.decline(token, person.get());
			}
			catch (InvitationException ex) {
				// Used or expired in the meantime: the page below says which.
			}
		}
		return show(token, model);
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
		var signedIn = RapportUser.fullySignedIn(SecurityContextHolder.getContext().getAuthentication());
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		model.addAttribute("status", invitations.status(invitation).name());
		model.addAttribute("signedInAsInvited", signedIn.filter(p -> Invitations.isFor(invitation, p)).isPresent());
		model.addAttribute("signedInAsOther", signedIn.filter(p -> !Invitations.isFor(invitation, p)).isPresent());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "identity/invitation";
	}

	private static Optional<RapportUser> invitedPersonSignedIn(Invitation invitation) {
		return RapportUser.fullySignedIn(SecurityContextHolder.getContext().getAuthentication())
			.filter(person -> Invitations.isFor(invitation, person));
	}

	private Invitation find(String token) {
		return invitations.findByToken(token)
			.orElseThrow(LinkNotValid::new);
	}

}
