package care.rapport.goals.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.goals.CommitmentId;
import care.rapport.goals.CommitmentOutcome;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.Commitments;
import care.rapport.goals.CopingPlans;
import care.rapport.goals.Goal;
import care.rapport.goals.GoalInputException;
import care.rapport.goals.Goals;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Ids;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
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
 * A client's goals, commitments and coping plan for the care team (therapist, supervisor; never
 * admins). The therapist proposes goals, records commitments and their outcomes; the goals
 * themselves and the coping plan are the client's to write.
 */
@Controller
class GoalsStaffController {

	private final Clients clients;

	private final Goals goals;

	private final Commitments commitments;

	private final CopingPlans copingPlans;

	private final Practices practices;

	GoalsStaffController(Clients clients, Goals goals, Commitments commitments, CopingPlans copingPlans,
			Practices practices) {
		this.clients = clients;
		this.goals = goals;
		this.commitments = commitments;
		this.copingPlans = copingPlans;
		this.practices = practices;
	}

	@GetMapping("/app/clients/{id}/goals")
	String page(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		Client client = careTeam(staff, id, "Viewed goals, commitments and coping plan");
		return render(staff, client, model, Map.of(), Map.of());
	}

	@PostMapping("/app/clients/{id}/goals/proposals")
	String propose(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) @Nullable UUID key,
			Model model, RedirectAttributes redirect) {
		Client client = careTeam(staff, id, "Proposed a goal");
		try {
			goals.propose(staff, client, text, key);
		}
		catch (GoalInputException ex) {
			return render(staff, client, model, Map.of("text", ex.getMessage()),
					Map.of("text", text, "textKey", key == null ? "" : key.toString()));
		}
		redirect.addFlashAttribute("notice",
				"Suggested. It becomes a goal when the client accepts it or puts it in their own words.");
		return "redirect:/app/clients/" + id + "/goals";
	}

	@PostMapping("/app/clients/{id}/commitments")
	String commit(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "CLIENT") String owner,
			@RequestParam(required = false) @Nullable UUID key, Model model, RedirectAttributes redirect) {
		Client client = careTeam(staff, id, "Recorded a commitment");
		CommitmentOwner who = "THERAPIST".equals(owner) ? CommitmentOwner.THERAPIST : CommitmentOwner.CLIENT;
		try {
			commitments.make(staff, client, who, text, key);
		}
		catch (GoalInputException ex) {
			return render(staff, client, model, Map.of("commitment", ex.getMessage()), Map.of("commitment", text,
					"owner", who.name(), "commitmentKey", key == null ? "" : key.toString()));
		}
		redirect.addFlashAttribute("notice", "Commitment recorded; check it at the next session.");
		return "redirect:/app/clients/" + id + "/goals#commitments";
	}

	@PostMapping("/app/clients/{id}/commitments/{commitmentId}/outcome")
	String outcome(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID commitmentId,
			@RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
		Client client = careTeam(staff, id, "Recorded a commitment's outcome");
		CommitmentOutcome chosen = GoalsPortalController.parse(outcome);
		boolean recorded = chosen != null
				&& commitments.check(staff, client, new CommitmentId(commitmentId), chosen);
		redirect.addFlashAttribute("notice", chosen == null ? "Choose done, partly or not done."
				: recorded ? "Recorded: " + chosen.label().toLowerCase() + "."
						: "An outcome was already recorded for this commitment; it stands.");
		return "redirect:/app/clients/" + id + "/goals#commitments";
	}

	private String render(RapportUser staff, Client client, Model model, Map<String, String> errors,
			Map<String, String> typed) {
		List<Goal> all = goals.of(staff, client);
		model.addAttribute("client", client);
		model.addAttribute("goals", all);
		model.addAttribute("lines", GoalViews.lines(all));
		model.addAttribute("currentSession", goals.currentSession(staff, client));
		GoalViews.commitments(model, commitments.of(staff, client));
		model.addAttribute("plan", copingPlans.of(staff, client));
		model.addAttribute("errors", errors);
		Map<String, String> values = new HashMap<>(typed);
		values.merge("textKey", Ids.next().toString(), (typedKey, fresh) -> typedKey.isEmpty() ? fresh : typedKey);
		values.merge("commitmentKey", Ids.next().toString(),
				(typedKey, fresh) -> typedKey.isEmpty() ? fresh : typedKey);
		values.putIfAbsent("owner", CommitmentOwner.CLIENT.name());
		model.addAttribute("typed", values);
		model.addAttribute("maxGoal", Goals.MAX_TEXT);
		model.addAttribute("maxCommitment", Commitments.MAX_TEXT);
		model.addAttribute("outcomes", CommitmentOutcome.values());
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		if (!errors.isEmpty() && !model.containsAttribute("error")) {
			model.addAttribute("error", "Not saved: see the marked field. What you typed is kept.");
		}
		return "goals/staff-goals";
	}

	private Client careTeam(RapportUser staff, UUID id, String what) {
		return clients.openForCare(staff, new ClientId(id), what)
			.orElseThrow(RecordNotFoundException::new);
	}

}
