package care.rapport.feedback.web;

import java.time.LocalDate;
import java.time.ZoneId;

import care.rapport.feedback.OutcomesReport;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.practice.Practices;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outcomes for a chosen period. A therapist sees their own figures next to the practice's; an admin
 * sees the practice's only, never a therapist's.
 */
@Controller
class OutcomesController {

	private final OutcomesReport reports;

	private final Practices practices;

	OutcomesController(OutcomesReport reports, Practices practices) {
		this.reports = reports;
		this.practices = practices;
	}

	@GetMapping("/app/outcomes")
	String outcomes(@AuthenticationPrincipal RapportUser staff,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		LocalDate end = to != null ? to : LocalDate.now(zone);
		LocalDate start = from != null ? from : end.minusMonths(12);
		if (start.isAfter(end)) {
			model.addAttribute("error", "The start date is after the end date; showing the 12 months before the end.");
			start = end.minusMonths(12);
		}
		var fromInstant = start.atStartOfDay(zone).toInstant();
		var toInstant = end.plusDays(1).atStartOfDay(zone).toInstant();
		boolean clinician = staff.has(Role.THERAPIST);
		model.addAttribute("own", clinician ? reports.report(staff.practiceId(), staff.id(), fromInstant, toInstant) : null);
		model.addAttribute("practice", reports.report(staff.practiceId(), null, fromInstant, toInstant));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("population", OutcomesReport.POPULATION);
		return "feedback/outcomes";
	}

}
