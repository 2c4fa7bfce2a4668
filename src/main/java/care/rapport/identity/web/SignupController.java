package care.rapport.identity.web;

import java.time.ZoneId;
import java.util.List;

import care.rapport.identity.Accounts;
import care.rapport.identity.PasswordPolicy;
import care.rapport.identity.internal.Signups;
import care.rapport.practice.LinkNotValid;
import care.rapport.practice.Practices;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Founding a practice: anyone may, and becomes its admin (and a therapist if they say so). The
 * answer never says whether the address already has an account (see {@link Signups}).
 */
@Controller
class SignupController {

	static final List<String> TIME_ZONES = List.of("America/Vancouver", "America/Edmonton", "America/Regina",
			"America/Winnipeg", "America/Toronto", "America/Halifax", "America/St_Johns", "America/Los_Angeles",
			"America/Denver", "America/Phoenix", "America/Chicago", "America/New_York", "America/Anchorage",
			"Pacific/Honolulu", "Europe/London", "UTC");

	private final PasswordPolicy passwordPolicy;

	private final Signups signups;

	SignupController(PasswordPolicy passwordPolicy, Signups signups) {
		this.passwordPolicy = passwordPolicy;
		this.signups = signups;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("timeZones", TIME_ZONES);
		model.addAttribute("jurisdictions", Practices.JURISDICTIONS);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", SignupForm.empty());
		return "identity/signup";
	}

	@PostMapping("/signup")
	String create(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, HttpSession session,
			Model model) {
		if (!TIME_ZONES.contains(form.timeZone())) {
			errors.rejectValue("timeZone", "unknown", "Choose a time zone from the list.");
		}
		if (!Practices.JURISDICTIONS.contains(form.jurisdiction())) {
			errors.rejectValue("jurisdiction", "unknown", "Choose a jurisdiction from the list.");
		}
		if (!errors.hasFieldErrors("email")) {
			passwordPolicy.problemWith(form.password(), form.email())
				.ifPresent(problem -> errors.rejectValue("password", "weak", problem));
		}
		if (errors.hasErrors()) {
			return "identity/signup";
		}
		// The same answer whether or not the address has an account; its owner hears by e-mail.
		signups.found(new Signups.Founding(form.practiceName(), ZoneId.of(form.timeZone()), form.jurisdiction(),
				form.displayName(), form.email(), form.password(), Boolean.TRUE.equals(form.alsoTherapist())));
		session.setAttribute("rapport.signIn.email", Accounts.normalizeEmail(form.email()));
		model.addAttribute("email", Accounts.normalizeEmail(form.email()));
		model.addAttribute("confirmsByEmail", signups.confirmsByEmail());
		return "identity/signup-sent";
	}

	@GetMapping("/signup/confirm/{token}")
	String confirmForm(@PathVariable String token, Model model) {
		if (!signups.pending(token)) {
			throw new LinkNotValid();
		}
		model.addAttribute("token", token);
		return "identity/signup-confirm";
	}

	/** A button, not the link itself, confirms: mail scanners that open links must not use it up. */
	@PostMapping("/signup/confirm/{token}")
	String confirm(@PathVariable String token, HttpSession session) {
		String email = signups.confirm(token)
			.orElseThrow(LinkNotValid::new);
		session.setAttribute("rapport.signIn.email", email);
		return "redirect:/login?created";
	}

}
