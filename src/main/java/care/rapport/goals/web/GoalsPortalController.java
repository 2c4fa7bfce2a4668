package care.rapport.goals.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.goals.CommitmentId;
import care.rapport.goals.CommitmentOutcome;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.Commitments;
import care.rapport.goals.CopingPlan;
import care.rapport.goals.CopingPlans;
import care.rapport.goals.Goal;
import care.rapport.goals.GoalId;
import care.rapport.goals.GoalInputException;
import care.rapport.goals.GoalStateRefused;
import care.rapport.goals.GoalStatus;
import care.rapport.goals.Goals;
import care.rapport.practice.Ids;
import care.rapport.practice.Practices;
import care.rapport.identity.RapportUser;
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
 * The client's goals in their own words, rated 0 to 10 at each session; their therapist's
 * suggestions to accept or rewrite; commitments between sessions; and the coping plan. A form
 * that cannot be stored comes back with what was typed and a message next to it.
 */
@Controller
class GoalsPortalController {

	private final Clients clients;

	private final Goals goals;

	private final Commitments commitments;

	private final CopingPlans copingPlans;

	private final Practices practices;

	GoalsPortalController(Clients clients, Goals goals, Commitments commitments, CopingPlans copingPlans,
			Practices practices) {
		this.clients = clients;
		this.goals = goals;
		this.commitments = commitments;
		this.copingPlans = copingPlans;
		this.practices = practices;
	}

	@GetMapping("/me/goals")
	String page(@AuthenticationPrincipal RapportUser user, Model model) {
		return render(user, own(user), model, Map.of(), Map.of());
	}

	@PostMapping("/me/goals")
	String write(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable UUID key, Model model, RedirectAttributes redirect) {
		Client client = own(user);
		try {
			goals.write(user, client, text, key);
		}
		catch (GoalInputException ex) {
			return render(user, client, model, Map.of("text", ex.getMessage()), Map.of("text", text, "textKey",
					key == null ? "" : key.toString()));
		}
		redirect.addFlashAttribute("notice", "Your goal is saved. You can rate it at each session.");
		return "redirect:/me/goals";
	}

	@PostMapping("/me/goals/{goalId}/rating")
	String rate(@AuthenticationPrincipal RapportUser user, @PathVariable UUID goalId,
			@RequestParam(defaultValue = "") String rating, Model model, RedirectAttributes redirect) {
		Client client = own(user);
		GoalId goal = new GoalId(goalId);
		try {
			int session = goals.rate(user, client, goal, rating);
			redirect.addFlashAttribute("notice", "Rating saved" + (session == 0 ? " as your starting point."
					: " for session " + session + "."));
		}
		catch (GoalInputException | GoalStateRefused ex) {
			if (ex instanceof GoalStateRefused) {
				model.addAttribute("error", ex.getMessage());
			}
			return render(user, client, model, Map.of("rating-" + goalId, ex.getMessage()), Map.of());
		}
		return "redirect:/me/goals#goal-" + goalId;
	}

	@PostMapping("/me/goals/{goalId}/accept")
	String accept(@AuthenticationPrincipal RapportUser user, @PathVariable UUID goalId,
			@RequestParam(defaultValue = "") String text, Model model, RedirectAttributes redirect) {
		Client client = own(user);
		try {
			goals.accept(user, client, new GoalId(goalId), text);
		}
		catch (GoalInputException | GoalStateRefused ex) {
			if (ex instanceof GoalStateRefused) {
				model.addAttribute("error", ex.getMessage());
			}
			return render(user, client, model, Map.of("accept-" + goalId, ex.getMessage()),
					Map.of("accept-" + goalId, text));
		}
		redirect.addFlashAttribute("notice", "This is now one of your goals.");
		return "redirect:/me/goals";
	}

	@PostMapping("/me/goals/{goalId}/status")
	String status(@AuthenticationPrincipal RapportUser user, @PathVariable UUID goalId,
			@RequestParam(defaultValue = "") String status, Model model, RedirectAttributes redirect) {
		Client client = own(user);
		GoalStatus to = java.util.Arrays.stream(GoalStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(GoalStatus.PROPOSED);
		try {
			// PROPOSED is no move a client can make, so an unknown status is refused as one.
			goals.changeStatus(user, client, new GoalId(goalId), to);
			redirect.addFlashAttribute("notice", to == GoalStatus.ACHIEVED ? "Well done: marked as achieved."
					: to == GoalStatus.ACTIVE ? "Back on your list." : "Set aside. You can take it up again later.");
		}
		catch (GoalStateRefused ex) {
			model.addAttribute("error", ex.getMessage());
			return render(user, client, model, Map.of("status-" + goalId, ex.getMessage()), Map.of());
		}
		return "redirect:/me/goals";
	}

	@PostMapping("/me/commitments")
	String commit(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable UUID key, Model model, RedirectAttributes redirect) {
		Client client = own(user);
		try {
			commitments.make(user, client, CommitmentOwner.CLIENT, text, key);
		}
		catch (GoalInputException ex) {
			return render(user, client, model, Map.of("commitment", ex.getMessage()),
					Map.of("commitment", text, "commitmentKey", key == null ? "" : key.toString()));
		}
		redirect.addFlashAttribute("notice", "Saved. You and your therapist will look at it next session.");
		return "redirect:/me/goals#commitments";
	}

	@PostMapping("/me/commitments/{commitmentId}/outcome")
	String outcome(@AuthenticationPrincipal RapportUser user, @PathVariable UUID commitmentId,
			@RequestParam(defaultValue = "") String outcome, RedirectAttributes redirect) {
		Client client = own(user);
		CommitmentOutcome chosen = parse(outcome);
		boolean recorded = chosen != null && commitments.check(user, client, new CommitmentId(commitmentId), chosen);
		redirect.addFlashAttribute("notice", chosen == null ? "Choose done, partly or not done."
				: recorded ? "Noted: " + chosen.label().toLowerCase() + "." : "This one was already checked.");
		return "redirect:/me/goals#commitments";
	}

	@GetMapping("/me/coping-plan")
	String copingPlan(@AuthenticationPrincipal RapportUser user, Model model) {
		Client client = own(user);
		if (!model.containsAttribute("plan")) {
			model.addAttribute("plan", copingPlans.of(user, client));
		}
		model.addAttribute("maxLength", CopingPlan.MAX_LENGTH);
		model.addAttribute("zone", practices.get(user.practiceId()).timeZone());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "goals/coping-plan";
	}

	@PostMapping("/me/coping-plan")
	String saveCopingPlan(@AuthenticationPrincipal RapportUser user, @RequestParam(defaultValue = "") String strategies,
			@RequestParam(defaultValue = "") String people, @RequestParam(defaultValue = "") String crisisSteps,
			Model model, RedirectAttributes redirect) {
		Client client = own(user);
		try {
			copingPlans.save(user, client, strategies, people, crisisSteps);
		}
		catch (GoalInputException ex) {
			model.addAttribute("plan", new CopingPlan(strategies, people, crisisSteps, null));
			model.addAttribute("errors", Map.of(ex.field(), ex.getMessage()));
			model.addAttribute("error", "Your plan was not saved yet: see the marked part. Everything you wrote is kept.");
			return copingPlan(user, model);
		}
		redirect.addFlashAttribute("notice", "Your plan is saved.");
		return "redirect:/me/coping-plan";
	}

	static @Nullable CommitmentOutcome parse(String outcome) {
		try {
			return CommitmentOutcome.valueOf(outcome);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private String render(RapportUser user, Client client, Model model, Map<String, String> errors,
			Map<String, String> typed) {
		List<Goal> all = goals.of(user, client);
		model.addAttribute("proposals", all.stream().filter(Goal::proposal).toList());
		model.addAttribute("activeGoals", all.stream().filter(Goal::active).toList());
		model.addAttribute("pastGoals", all.stream()
			.filter(g -> g.status() == GoalStatus.ACHIEVED || g.status() == GoalStatus.SET_ASIDE)
			.toList());
		model.addAttribute("lines", GoalViews.lines(all));
		model.addAttribute("currentSession", goals.currentSession(user, client));
		model.addAttribute("scale", java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList());
		GoalViews.commitments(model, commitments.of(user, client));
		model.addAttribute("errors", errors);
		Map<String, String> values = new HashMap<>(typed);
		// A fresh key per form shown: a double click or a retry of that form stores once.
		values.merge("textKey", Ids.next().toString(), (typedKey, fresh) -> typedKey.isEmpty() ? fresh : typedKey);
		values.merge("commitmentKey", Ids.next().toString(),
				(typedKey, fresh) -> typedKey.isEmpty() ? fresh : typedKey);
		model.addAttribute("typed", values);
		model.addAttribute("maxGoal", Goals.MAX_TEXT);
		model.addAttribute("maxCommitment", Commitments.MAX_TEXT);
		if (!errors.isEmpty() && !model.containsAttribute("error")) {
			model.addAttribute("error", "Not saved yet: see the marked part below. What you wrote is kept.");
		}
		return "goals/client-goals";
	}

	private Client own(RapportUser user) {
		return clients.ownRecord(user).orElseThrow(RecordNotFoundException::new);
	}

}
