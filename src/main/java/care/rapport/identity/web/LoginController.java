package care.rapport.identity.web;

import care.rapport.identity.RapportUser;
import care.rapport.identity.internal.LoginAttempts;
import care.rapport.identity.internal.SignIn;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's /login. */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(HttpSession session, Model model, Authentication authentication) {
		var signedIn = RapportUser.fullySignedIn(authentication);
		if (signedIn.isPresent()) {
			return "redirect:" + SignIn.homeOf(signedIn.get());
		}
		Object typed = session.getAttribute("rapport.signIn.email");
		model.addAttribute("email", typed == null ? "" : typed);
		model.addAttribute("maxFailures", LoginAttempts.MAX_FAILURES);
		model.addAttribute("lockMinutes", LoginAttempts.LOCK_FOR.toMinutes());
		return "identity/login";
	}

}
