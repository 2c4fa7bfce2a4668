package care.rapport.identity.web;

import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import care.rapport.identity.internal.LoginAttempts;
import care.rapport.identity.internal.MfaPendingAuthentication;
import care.rapport.identity.internal.SignIn;
import care.rapport.identity.internal.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step: a code from the authenticator app or a recovery code, or, for staff
 * who have none yet, setting up the app.
 */
@Controller
class MfaController {

	static final String SETUP_SECRET = "rapport.mfa.setupSecret";

	private final TwoFactor twoFactor;

	private final SignIn signIn;

	private final LoginAttempts attempts;

	private final AuditLog audit;

	private final AuthenticatorSetupView setupView;

	MfaController(TwoFactor twoFactor, SignIn signIn, LoginAttempts attempts, AuditLog audit,
			AuthenticatorSetupView setupView) {
		this.setupView = setupView;
		this.twoFactor = twoFactor;
		this.signIn = signIn;
		this.attempts = attempts;
		this.audit = audit;
	}

	@GetMapping("/login/mfa")
	String codeForm(Model model) {
		RapportUser user = pending().user();
		if (!user.mfaEnrolled()) {
			return "redirect:/login/mfa/setup";
		}
		model.addAttribute("name", user.displayName());
		return "identity/mfa";
	}

	@PostMapping("/login/mfa")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MfaPendingAuthentication pending = pending();
		RapportUser user = pending.user();
		boolean ok = twoFactor.acceptCode(user.id(), code);
		if (ok) {
			return finish(pending, request, response);
		}
		return wrongCode(user, request, model,
				"That code didn't match, or was already used. Enter the next 6-digit code your app shows.");
	}

	@PostMapping("/login/mfa/recovery")
	String recover(@RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MfaPendingAuthentication pending = pending();
		RapportUser user = pending.user();
		if (twoFactor.redeemRecoveryCode(user.id(), recoveryCode)) {
			audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.RECOVERY_CODE_USED,
					"Signed in with a recovery code; " + twoFactor.unusedRecoveryCodes(user.id()) + " left"));
			return finish(pending, request, response);
		}
		return wrongCode(user, request, model, "That recovery code is not valid or was used before.");
	}

	@GetMapping("/login/mfa/setup")
	String setupForm(HttpSession session, Model model) {
		RapportUser user = pending().user();
		if (user.mfaEnrolled()) {
			return "redirect:/login/mfa";
		}
		String secret = (String) session.getAttribute(SETUP_SECRET);
		if (secret == null) {
			secret = twoFactor.newSecret();
			session.setAttribute(SETUP_SECRET, secret);
		}
		return setupView.render(model, user, secret, "/login/mfa/setup");
	}

	@PostMapping("/login/mfa/setup")
	String confirmSetup(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		MfaPendingAuthentication pending = pending();
		RapportUser user = pending.user();
		String secret = (String) session.getAttribute(SETUP_SECRET);
		if (secret == null) {
			return "redirect:/login/mfa/setup";
		}
		if (!twoFactor.codeMatches(secret, code)) {
			model.addAttribute("error", "That code didn't match. Check that the app shows \"" + user.email()
					+ "\" and enter the code it shows now.");
			return setupView.render(model, user, secret, "/login/mfa/setup");
		}
		List<String> codes = twoFactor.enrol(user.id(), secret);
		session.removeAttribute(SETUP_SECRET);
		audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.MFA_ENROLLED,
				"Set up an authenticator app and received recovery codes"));
		signIn.complete(request, response, pending.passwordAuthentication());
		model.addAttribute("codes", codes);
		model.addAttribute("next", SignIn.homeOf(user));
		return "identity/recovery-codes";
	}

	private String finish(MfaPendingAuthentication pending, HttpServletRequest request,
			HttpServletResponse response) {
		signIn.complete(request, response, pending.passwordAuthentication());
		return "redirect:" + signIn.onwardUrl(request, response, pending.user());
	}

	private String wrongCode(RapportUser user, HttpServletRequest request, Model model, String message) {
		boolean locked = attempts.recordFailure(user.email());
		audit.record(AuditEntry.of(user.practiceId(), user.actor(),
				locked ? AuditAction.SIGN_IN_LOCKED : AuditAction.MFA_FAILED,
				locked ? "Locked for 15 minutes after repeated wrong codes" : "Wrong verification code"));
		if (locked) {
			SecurityContextHolder.clearContext();
			request.getSession().invalidate();
			return "redirect:/login?locked";
		}
		model.addAttribute("name", user.displayName());
		model.addAttribute("error", message);
		return "identity/mfa";
	}

	private static MfaPendingAuthentication pending() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current instanceof MfaPendingAuthentication pending) {
			return pending;
		}
		throw new IllegalStateException("Only reachable half-way through sign-in");
	}

}
