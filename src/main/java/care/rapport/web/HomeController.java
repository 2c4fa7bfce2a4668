package care.rapport.web;

import java.time.ZoneId;

import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.practice.Practices;
import care.rapport.scheduling.AppointmentRequests;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page and each role's home page. */
@Controller
class HomeController {

	private final Clients clients;

	private final Accounts accounts;

	private final AppointmentRequests requests;

	private final HomeSummaries summaries;

	private final Practices practices;

	HomeController(Clients clients, Accounts accounts, AppointmentRequests requests, HomeSummaries summaries,
			Practices practices) {
		this.summaries = summaries;
		this.practices = practices;
		this.requests = requests;
		this.clients = clients;
		this.accounts = accounts;
	}

	@GetMapping("/")
	String start(Authentication authentication) {
		return RapportUser.fullySignedIn(authentication)
			.map(user -> "redirect:" + (user.staff() ? "/app" : "/me"))
			.orElse("web/start");
	}

	@GetMapping("/app")
	String staffHome(@AuthenticationPrincipal RapportUser staff, Model model) {
		model.addAttribute("clientCount", clients.countVisibleTo(staff));
		model.addAttribute("isTherapist", staff.has(Role.THERAPIST));
		model.addAttribute("requestCount", requests.countPendingFor(staff.practiceId(), staff.id()));
		model.addAttribute("isSupervisor", staff.has(Role.SUPERVISOR));
		model.addAttribute("isAdmin", staff.has(Role.PRACTICE_ADMIN));
		model.addAttribute("supervisees", staff.has(Role.SUPERVISOR)
				? accounts.supervisees(staff.practiceId(), staff.id())
					.stream()
					.flatMap(id -> accounts.member(staff.practiceId(), id).stream())
					.toList()
				: java.util.List.of());
		model.addAttribute("staffCount", staff.has(Role.PRACTICE_ADMIN) ? accounts.staff(staff.practiceId()).size() : 0);
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		model.addAttribute("zone", zone);
		if (staff.has(Role.PRACTICE_ADMIN)) {
			var steps = summaries.setUp(staff);
			model.addAttribute("steps", steps);
			model.addAttribute("setUpDone", steps.stream().allMatch(HomeSummaries.Step::done));
		}
		if (staff.has(Role.THERAPIST)) {
			model.addAttribute("today", summaries.today(staff, zone));
		}
		return "web/staff-home";
	}

	@GetMapping("/me")
	String clientHome(@AuthenticationPrincipal RapportUser client, Model model) {
		var record = clients.ownRecord(client).orElse(null);
		model.addAttribute("record", record);
		model.addAttribute("zone", practices.get(client.practiceId()).timeZone());
		model.addAttribute("home", record == null ? null : summaries.client(client, record));
		return "web/client-home";
	}

}
