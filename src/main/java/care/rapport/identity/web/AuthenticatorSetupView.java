package care.rapport.identity.web;

import care.rapport.identity.RapportUser;
import care.rapport.identity.internal.TwoFactor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the page for setting up an authenticator app shows, at sign-in and in the settings alike. */
@Component
class AuthenticatorSetupView {

	private final TwoFactor twoFactor;

	AuthenticatorSetupView(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	String render(Model model, RapportUser user, String secret, String action) {
		model.addAttribute("qr", twoFactor.qrCodeDataUri(secret, user.email(), "Rapport"));
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
		model.addAttribute("email", user.email());
		model.addAttribute("action", action);
		model.addAttribute("fromSettings", action.startsWith("/account"));
		return "identity/mfa-setup";
	}

}
