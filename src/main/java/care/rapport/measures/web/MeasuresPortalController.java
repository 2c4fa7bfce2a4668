package care.rapport.measures.web;

import java.util.Map;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationId;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.Administrations;
import care.rapport.measures.Administrations.Submission;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.measures.InvalidAnswersException;
import jakarta.servlet.http.HttpServletResponse;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's questionnaires in the portal: what is due, answering one on one screen, declining.
 * A risk answer brings crisis resources on the very next page.
 */
@Controller
class MeasuresPortalController {

	private static final String ANSWER_PREFIX = "item.";

	private final Clients clients;

	private final Administrations administrations;

	private final Instruments instruments;

	private final Practices practices;

	MeasuresPortalController(Clients clients, Administrations administrations, Instruments instruments,
			Practices practices) {
		this.clients = clients;
		this.administrations = administrations;
		this.instruments = instruments;
		this.practices = practices;
	}

	@GetMapping("/me/measures")
	String due(@AuthenticationPrincipal RapportUser user, Model model) {
		Client client = ownRecord(user);
		var due = administrations.due(user.practiceId(), client.id());
		model.addAttribute("due", due);
		model.addAttribute("consented", administrations.consented(user.practiceId(), client.id()));
		model.addAttribute("titles", due.stream()
			.collect(java.util.stream.Collectors.toMap(a -> a.instrumentCode(),
					a -> instruments.get(user.practiceId(), a.instrumentCode()).title(), (x, y) -> x)));
		return "measures/due";
	}

	@GetMapping("/me/measures/{id}")
	String form(@AuthenticationPrincipal RapportUser user, @PathVariable UUID id, Model model) {
		Administration administration = administration(user, id);
		if (!administrations.consented(user.practiceId(), administration.clientId())) {
			return "redirect:/me/measures";
		}
		if (administration.status() == AdministrationStatus.COMPLETED) {
			return "redirect:/me/measures/" + id + "/thanks";
		}
		return render(model, user, administration, Map.of(), Map.of());
	}

	@PostMapping("/me/measures/{id}")
	String submit(@AuthenticationPrincipal RapportUser user, @PathVariable UUID id,
			@RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Administration administration = administration(user, id);
		if (!administrations.consented(user.practiceId(), administration.clientId())) {
			return "redirect:/me/measures";
		}
		InstrumentDefinition definition = instruments.get(user.practiceId(), administration.instrumentCode());
		AnswerForm posted = AnswerForm.read(form);
		Map<String, Integer> answers = posted.answers();
		try {
			posted.readable(definition.code());
			Submission submission = administrations.submit(user.practiceId(), administration.clientId(),
					administration.id(), answers, "PORTAL", null);
			return "redirect:/me/measures/" + id + "/thanks"
					+ (submission instanceof Submission.AlreadyReceived ? "?again" : "");
		}
		catch (InvalidAnswersException ex) {
			var feedback = AnswerForm.feedback(ex.problems());
			if (feedback.malformed()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("error", "Some answers are missing or could not be read: see the marked questions. "
					+ "Your other answers are kept.");
			return render(model, user, administration, answers, feedback.messages());
		}
	}

	@GetMapping("/me/measures/{id}/thanks")
	String thanks(@AuthenticationPrincipal RapportUser user, @PathVariable UUID id, Model model) {
		Administration administration = administration(user, id);
		if (administration.status() != AdministrationStatus.COMPLETED) {
			return "redirect:/me/measures/" + id;
		}
		var score = instruments.get(user.practiceId(), administration.instrumentCode())
			.score(administrations.answers(user.practiceId(), administration.id()));
		model.addAttribute("risk", score.hasCriticalFindings());
		model.addAttribute("crisis",
				practices.crisisResources(user.practiceId()));
		model.addAttribute("moreDue", administrations.due(user.practiceId(), administration.clientId()).size());
		return "measures/thanks";
	}

	@PostMapping("/me/measures/{id}/decline")
	String decline(@AuthenticationPrincipal RapportUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		Administration administration = administration(user, id);
		administrations.decline(user.practiceId(), administration.clientId(), administration.id());
		redirect.addFlashAttribute("notice",
				"That's fine. We won't ask you about this one again; your therapist will see that you skipped it.");
		return "redirect:/me/measures";
	}

	private String render(Model model, RapportUser user, Administration administration, Map<String, Integer> answers,
			Map<String, String> problems) {
		model.addAttribute("administration", administration);
		model.addAttribute("formAction", "/me/measures/" + administration.id());
		model.addAttribute("backUrl", "/me/measures");
		model.addAttribute("staffMode", false);
		model.addAttribute("definition", instruments.get(user.practiceId(), administration.instrumentCode()));
		model.addAttribute("answers", answers);
		model.addAttribute("problems", problems);
		return "measures/form";
	}

	private Client ownRecord(RapportUser user) {
		return clients.ownRecord(user).orElseThrow(RecordNotFoundException::new);
	}

	private Administration administration(RapportUser user, UUID id) {
		Client client = ownRecord(user);
		return administrations.find(user.practiceId(), client.id(), new AdministrationId(id))
			.orElseThrow(RecordNotFoundException::new);
	}

}
