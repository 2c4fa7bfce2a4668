package care.rapport.identity.web;

import java.time.ZoneId;
import java.util.List;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.Accounts;
import care.rapport.identity.PasswordPolicy;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Practice;
import care.rapport.practice.Practices;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Founding a practice: anyone may, and becomes its admin (and a therapist if they say so). */
@Controller
class SignupController {

	static final List<String> TIME_ZONES = List.of("America/Vancouver", "America/Edmonton", "America/Regina",
			"America/Winnipeg", "America/Toronto", "America/Halifax", "America/St_Johns", "America/Los_Angeles",
			"America/Denver", "America/Phoenix", "America/Chicago", "America/New_York", "America/Anchorage",
			"Pacific/Honolulu", "Europe/London", "UTC");

	private final Practices practices;

	private final Accounts accounts;

	private final PasswordPolicy passwordPolicy;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	SignupController(Practices practices, Accounts accounts, PasswordPolicy passwordPolicy, AuditLog audit,
			TransactionTemplate transactions) {
		this.practices = practices;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.transactions = transactions;
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
	String create(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, HttpSession session) {
		if (!TIME_ZONES.contains(form.timeZone())) {
			errors.rejectValue("timeZone", "unknown", "Choose a time zone from the list.");
		}
		if (!Practices.JURISDICTIONS.contains(form.jurisdiction())) {
			errors.rejectValue("jurisdiction", "unknown", "Choose a jurisdiction from the list.");
		}
		if (!errors.hasFieldErrors("email")) {
			passwordPolicy.problemWith(form.password(), form.email())
				.ifPresent(problem -> errors.rejectValue("password", "weak", problem));
			if (accounts.exists(form.email())) {
				errors.rejectValue("email", "taken",
						"This e-mail address can't be used for a new practice. If you already use Rapport, "
								+ "sign in instead, or use another address.");
			}
		}
		if (errors.hasErrors()) {
			return "identity/signup";
		}
		transactions.executeWithoutResult(tx -> {
			Practice practice = practices.create(form.practiceName(), ZoneId.of(form.timeZone()), form.jurisdiction());
			UserId founder = accounts.register(form.email(), form.displayName(), form.password());
			accounts.grant(practice.id(), founder, Role.PRACTICE_ADMIN);
			if (Boolean.TRUE.equals(form.alsoTherapist())) {
				accounts.grant(practice.id(), founder, Role.THERAPIST);
			}
			audit.record(AuditEntry.of(practice.id(),
					new care.rapport.audit.Actor(founder.value(), form.displayName().strip(), Role.PRACTICE_ADMIN.name()),
					AuditAction.PRACTICE_CREATED, "Created the practice " + practice.name()));
		});
		session.setAttribute("rapport.signIn.email", Accounts.normalizeEmail(form.email()));
		return "redirect:/login?created";
	}

}
