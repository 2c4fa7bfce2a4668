package care.rapport.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.scheduling.Availability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A clinician's weekly windows and days off; admins, who run scheduling, may set them for anyone. */
@Controller
class AvailabilityController {

	private final Availability availability;

	private final Accounts accounts;

	private final Practices practices;

	private final TherapistChoice choice;

	AvailabilityController(Availability availability, Accounts accounts, Practices practices, TherapistChoice choice) {
		this.choice = choice;
		this.availability = availability;
		this.accounts = accounts;
		this.practices = practices;
	}

	@GetMapping("/app/availability")
	String page(@AuthenticationPrincipal RapportUser staff, @RequestParam(required = false) UUID therapist, Model model) {
		UserId whose = choice.whose(staff, therapist);
		var zone = practices.get(staff.practiceId()).timeZone();
		model.addAttribute("windows", availability.windows(staff.practiceId(), whose));
		model.addAttribute("daysOff", availability.daysOff(staff.practiceId(), whose, LocalDate.now(zone)));
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("therapist", whose.value());
		model.addAttribute("therapistName", accounts.member(staff.practiceId(), whose).map(m -> m.displayName()).orElse(""));
		model.addAttribute("zone", zone);
		return "scheduling/availability";
	}

	@PostMapping("/app/availability/windows")
	String addWindow(@AuthenticationPrincipal RapportUser staff, @RequestParam(required = false) UUID therapist,
			@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String starts,
			@RequestParam(defaultValue = "") String ends, RedirectAttributes redirect) {
		UserId whose = choice.whose(staff, therapist);
		try {
			availability.addWindow(staff.practiceId(), whose,
					new Availability.Window(DayOfWeek.valueOf(day), LocalTime.parse(starts), LocalTime.parse(ends)));
			redirect.addFlashAttribute("notice", "Window added.");
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			redirect.addFlashAttribute("error", (ex instanceof IllegalArgumentException && ex.getMessage() != null
					&& !ex.getMessage().startsWith("No enum") ? ex.getMessage() : "Choose a day and enter times as HH:MM.")
					+ " Nothing was changed.");
		}
		return "redirect:/app/availability?therapist=" + whose.value();
	}

	@PostMapping("/app/availability/windows/remove")
	String removeWindow(@AuthenticationPrincipal RapportUser staff, @RequestParam(required = false) UUID therapist,
			@RequestParam String day, @RequestParam String starts, RedirectAttributes redirect) {
		UserId whose = choice.whose(staff, therapist);
		try {
			availability.removeWindow(staff.practiceId(), whose, DayOfWeek.valueOf(day), LocalTime.parse(starts));
			redirect.addFlashAttribute("notice", "Window removed.");
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			redirect.addFlashAttribute("error", "That window could not be found. Nothing was changed.");
		}
		return "redirect:/app/availability?therapist=" + whose.value();
	}

	@PostMapping("/app/availability/days-off")
	String addDayOff(@AuthenticationPrincipal RapportUser staff, @RequestParam(required = false) UUID therapist,
			@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		UserId whose = choice.whose(staff, therapist);
		try {
			availability.addDayOff(staff.practiceId(), whose, LocalDate.parse(day), reason);
			redirect.addFlashAttribute("notice", "Day off added.");
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			redirect.addFlashAttribute("error", (ex instanceof DateTimeParseException ? "Enter the date as YYYY-MM-DD."
					: ex.getMessage()) + " Nothing was changed.");
		}
		return "redirect:/app/availability?therapist=" + whose.value();
	}

}
