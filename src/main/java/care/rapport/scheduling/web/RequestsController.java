package care.rapport.scheduling.web;

import java.util.UUID;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.scheduling.AppointmentRequest;
import care.rapport.scheduling.AppointmentRequests;
import care.rapport.scheduling.SlotTakenException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sessions clients asked for, waiting for an answer: the therapist accepts (booking it) or
 * declines with a reason the client reads. Admins, who run scheduling, may answer for a therapist
 * but do not see the client's note.
 */
@Controller
class RequestsController {

	private final AppointmentRequests requests;

	private final TherapistChoice choice;

	private final Accounts accounts;

	private final Practices practices;

	RequestsController(AppointmentRequests requests, TherapistChoice choice, Accounts accounts, Practices practices) {
		this.requests = requests;
		this.choice = choice;
		this.accounts = accounts;
		this.practices = practices;
	}

	@GetMapping("/app/requests")
	String pending(@AuthenticationPrincipal RapportUser staff, @RequestParam(required = false) @Nullable UUID therapist,
			Model model) {
		UserId whose = choice.whose(staff, therapist);
		model.addAttribute("requests", requests.pendingFor(staff, whose));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		model.addAttribute("therapist", whose.value());
		model.addAttribute("therapists", staff.has(Role.PRACTICE_ADMIN) ? accounts.clinicians(staff.practiceId())
				: java.util.List.of());
		model.addAttribute("own", whose.equals(staff.id()));
		return "scheduling/requests";
	}

	@PostMapping("/app/requests/{id}/accept")
	String accept(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, RedirectAttributes redirect) {
		AppointmentRequest request = decidable(staff, id);
		try {
			requests.accept(staff, request);
			redirect.addFlashAttribute("notice", "Booked: " + request.clientName() + " has been told.");
		}
		catch (SlotTakenException ex) {
			redirect.addFlashAttribute("error", "That time was booked meanwhile, so nothing was booked. Decline the "
					+ "request with another time to suggest.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return back(request);
	}

	@PostMapping("/app/requests/{id}/decline")
	String decline(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		AppointmentRequest request = decidable(staff, id);
		try {
			requests.decline(staff, request, reason);
			redirect.addFlashAttribute("notice", "Declined: " + request.clientName() + " will see your reason.");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("typedReason", reason);
			redirect.addFlashAttribute("reasonFor", id);
		}
		return back(request);
	}

	private AppointmentRequest decidable(RapportUser staff, UUID id) {
		return requests.decidable(staff, id).orElseThrow(RecordNotFoundException::new);
	}

	private static String back(AppointmentRequest request) {
		return "redirect:/app/requests?therapist=" + request.therapistId();
	}

}
