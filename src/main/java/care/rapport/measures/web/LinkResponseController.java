package care.rapport.measures.web;

import java.util.Map;

import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.Administrations;
import care.rapport.measures.Administrations.Linked;
import care.rapport.measures.Administrations.Submission;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.measures.InvalidAnswersException;
import care.rapport.practice.LinkNotValid;
import care.rapport.practice.Practices;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Answering one questionnaire through a single-use link, without signing in. The link works until
 * the questionnaire is answered or for seven days; a second submission stores nothing.
 */
@Controller
class LinkResponseController {

	private final Administrations administrations;

	private final Instruments instruments;

	private final Practices practices;

	LinkResponseController(Administrations administrations, Instruments instruments, Practices practices) {
		this.administrations = administrations;
		this.instruments = instruments;
		this.practices = practices;
	}

	@GetMapping("/respond/{token}")
	String open(@PathVariable String token, Model model) {
		Linked linked = linked(token);
		return switch (state(linked)) {
			case "form" -> form(model, token, linked, Map.of(), Map.of());
			default -> closed(model, linked);
		};
	}

	@PostMapping("/respond/{token}")
	String submit(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Linked linked = linked(token);
		if (linked.administration().status() == AdministrationStatus.COMPLETED) {
			model.addAttribute("again", true);
			return closed(model, linked);
		}
		if (!state(linked).equals("form")) {
			return closed(model, linked);
		}
		InstrumentDefinition definition = instruments.get(linked.practiceId(), linked.administration().instrumentCode());
		AnswerForm posted = AnswerForm.read(form);
		Map<String, Integer> answers = posted.answers();
		try {
			posted.readable(definition.code());
			Submission submission = administrations.submit(linked.practiceId(), linked.administration().clientId(),
					linked.administration().id(), answers, "LINK", null);
			model.addAttribute("risk", submission.score().hasCriticalFindings());
			model.addAttribute("crisis",
					practices.crisisResources(linked.practiceId()));
			model.addAttribute("moreDue", 0);
			model.addAttribute("linkMode", true);
			return "measures/thanks";
		}
		catch (InvalidAnswersException ex) {
			var feedback = AnswerForm.feedback(ex.problems());
			if (feedback.malformed()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("error", "Some answers are missing or could not be read: see the marked questions. "
					+ "Your other answers are kept.");
			return form(model, token, linked, answers, feedback.messages());
		}
	}

	private static String state(Linked linked) {
		var status = linked.administration().status();
		if (status == AdministrationStatus.COMPLETED || status == AdministrationStatus.DECLINED) {
			return "closed";
		}
		return linked.expired() ? "expired" : "form";
	}

	private String closed(Model model, Linked linked) {
		model.addAttribute("status", linked.administration().status().name());
		model.addAttribute("expired", linked.expired());
		return "measures/link-closed";
	}

	private String form(Model model, String token, Linked linked, Map<String, Integer> answers,
			Map<String, String> problems) {
		model.addAttribute("administration", linked.administration());
		model.addAttribute("definition",
				instruments.get(linked.practiceId(), linked.administration().instrumentCode()));
		model.addAttribute("answers", answers);
		model.addAttribute("problems", problems);
		model.addAttribute("formAction", "/respond/" + token);
		model.addAttribute("backUrl", "/");
		model.addAttribute("staffMode", false);
		model.addAttribute("linkMode", true);
		return "measures/form";
	}

	private Linked linked(String token) {
		return administrations.findByLink(token)
			.orElseThrow(LinkNotValid::new);
	}

}
