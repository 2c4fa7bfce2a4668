package care.rapport.scheduling.web;

import java.util.UUID;

import care.rapport.identity.RapportUser;
import care.rapport.practice.InputRefused;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.practice.RefusedForm;
import care.rapport.scheduling.AppointmentTypes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The practice admin's list of the kinds of session offered. */
@Controller
class AppointmentTypesController {

	private final AppointmentTypes types;

	AppointmentTypesController(AppointmentTypes types) {
		this.types = types;
	}

	@GetMapping("/app/appointment-types")
	String list(@AuthenticationPrincipal RapportUser admin, Model model) {
		admin.requirePracticeAdmin();
		model.addAttribute("types", types.active(admin.practiceId()));
		return "scheduling/appointment-types";
	}

	@PostMapping("/app/appointment-types")
	String add(@AuthenticationPrincipal RapportUser admin, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String minutes, @RequestParam(defaultValue = "false") boolean telehealth,
			Model model, RedirectAttributes redirect) {
		admin.requirePracticeAdmin();
		try {
			// Read as text, so that "fifty" comes back in the form next to its field, not as a 400 page.
			types.add(admin.practiceId(), name, InputRefused.wholeNumber("minutes", minutes, "length in minutes"),
					telehealth);
		}
		catch (InputRefused ex) {
			return refused(admin, name, minutes, model, () -> RefusedForm.show(model, ex, ex.getMessage() + " Nothing was saved."));
		}
		catch (IllegalArgumentException ex) {
			return refused(admin, name, minutes, model, () -> model.addAttribute("error", ex.getMessage() + " Nothing was saved."));
		}
		redirect.addFlashAttribute("notice", "Added " + name.strip() + ".");
		return "redirect:/app/appointment-types";
	}

	@PostMapping("/app/appointment-types/{id}/retire")
	String retire(@AuthenticationPrincipal RapportUser admin, @PathVariable UUID id, RedirectAttributes redirect) {
		admin.requirePracticeAdmin();
		if (!types.retire(admin.practiceId(), id)) {
			// Another practice's kind, or one retired already: there is nothing here to retire.
			throw new RecordNotFoundException();
		}
		redirect.addFlashAttribute("notice", "Retired; sessions already booked keep it.");
		return "redirect:/app/appointment-types";
	}

	private String refused(RapportUser admin, String name, String minutes, Model model, Runnable show) {
		show.run();
		model.addAttribute("types", types.active(admin.practiceId()));
		model.addAttribute("name", name);
		model.addAttribute("minutes", minutes);
		return "scheduling/appointment-types";
	}

}
