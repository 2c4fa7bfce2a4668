package care.rapport.identity.web;

import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.Accounts;
import care.rapport.identity.PasswordPolicy;
import care.rapport.identity.RapportUser;
import care.rapport.identity.internal.AccountSessions;
import care.rapport.identity.internal.SecurityNotices;
import care.rapport.identity.internal.SignIn;
import care.rapport.identity.internal.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Profile and security settings: password, authenticator app, recovery codes. */
@Controller
class AccountSecurityController {

	private static final String NEW_SECRET = "rapport.mfa.newSecret";

	private final Accounts accounts;

	private final PasswordPolicy passwordPolicy;

	private final TwoFactor twoFactor;

	private final AuditLog audit;

	private final AuthenticatorSetupView setupView;

	private final AccountSessions sessions;

	private final SecurityNotices notices;

	private final SignIn signIn;

	AccountSecurityController(Accounts accounts, PasswordPolicy passwordPolicy, TwoFactor twoFactor, AuditLog audit,
			AuthenticatorSetupView setupView, AccountSessions sessions, SecurityNotices notices, SignIn signIn) {
		this.sessions = sessions;
		this.notices = notices;
		this.signIn = signIn;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.twoFactor = twoFactor;
		this.audit = audit;
		this.setupView = setupView;
	}

	@GetMapping("/account/security")
	String page(@AuthenticationPrincipal RapportUser user, Model model) {
		model.addAttribute("mfaEnrolled", twoFactor.secretOf(user.id()).isPresent());
		model.addAttribute("recoveryCodesLeft", twoFactor.unusedRecoveryCodes(user.id()));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "identity/security";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal RapportUser user,
			@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		var problem = passwordPolicy.problemWith(newPassword, user.email());
		if (problem.isEmpty() && !newPassword.equals(confirmation)) {
			problem = java.util.Optional.of("The two new passwords are not the same.");
		}
		if (problem.isEmpty() && !accounts.changePassword(user.id(), currentPassword, newPassword)) {
			problem = java.util.Optional.of("Your current password is not right.");
		}
		if (problem.isPresent()) {
			model.addAttribute("passwordError", problem.get());
			return page(user, model);
		}
		sessions.endOtherSessions(user.id(), request);
		notices.passwordChanged(user);
		audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.PASSWORD_CHANGED,
				"Changed password; other sessions signed out"));
		redirect.addFlashAttribute("notice", "Your password is changed. You are signed out everywhere else.");
		return "redirect:/account/security";
	}

	@GetMapping("/account/mfa/setup")
	String newAuthenticator(@AuthenticationPrincipal RapportUser user, HttpSession session, Model model) {
		String secret = (String) session.getAttribute(NEW_SECRET);
		if (secret == null) {
			secret = twoFactor.newSecret();
			session.setAttribute(NEW_SECRET, secret);
		}
		return setupView.render(model, user, secret, "/account/mfa/setup");
	}

	/**
	 * Replaces the authenticator only with the account's password: a session left open, or taken
	 * over, must not be enough to move someone's second factor to another phone.
	 */
	@PostMapping("/account/mfa/setup")
	String confirmNewAuthenticator(@AuthenticationPrincipal RapportUser user,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String code,
			HttpSession session, HttpServletRequest request, Model model) {
		String secret = (String) session.getAttribute(NEW_SECRET);
		if (secret == null) {
			return "redirect:/account/mfa/setup";
		}
		if (!accounts.passwordMatches(user.id(), currentPassword)) {
			audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.MFA_FAILED,
					"Wrong password when setting up a new authenticator app"));
			model.addAttribute("error", "Your current password is not right. Enter it to confirm the new app.");
			return setupView.render(model, user, secret, "/account/mfa/setup");
		}
		if (!twoFactor.codeMatches(secret, code)) {
			model.addAttribute("error", "That code didn't match. Enter the code your app shows now.");
			return setupView.render(model, user, secret, "/account/mfa/setup");
		}
		List<String> codes = twoFactor.enrol(user.id(), secret);
		session.removeAttribute(NEW_SECRET);
		signIn.raiseAuthenticationLevel(request);
		sessions.endOtherSessions(user.id(), request);
		notices.authenticatorReplaced(user);
		audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.MFA_ENROLLED,
				"Set up a new authenticator app; earlier recovery codes no longer work; other sessions signed out"));
		model.addAttribute("codes", codes);
		model.addAttribute("next", "/account/security");
		return "identity/recovery-codes";
	}

	@PostMapping("/account/mfa/recovery-codes")
	String newRecoveryCodes(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String code,
			Model model) {
		boolean ok = twoFactor.acceptCode(user.id(), code);
		if (!ok) {
			model.addAttribute("codesError", "Enter the current code from your authenticator app to get new codes.");
			return page(user, model);
		}
		model.addAttribute("codes", twoFactor.newRecoveryCodes(user.id()));
		notices.recoveryCodesReplaced(user);
		model.addAttribute("next", "/account/security");
		audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.MFA_ENROLLED,
				"Replaced recovery codes"));
		return "identity/recovery-codes";
	}

}
