package care.rapport.feedback.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.feedback.Alert;
import care.rapport.feedback.AlertStatus;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.feedback.chart.ProgressChart;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.Administrations;
import care.rapport.measures.ChangeAssessment;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client's progress for the care team: the chart, the change since the first session with the
 * numbers behind it, the latest answers item by item, and prompts for an alert's next session.
 */
@Controller
class ProgressController {

	/** What to bring to the next session when progress stalls or the alliance dips. */
	static final List<String> PROMPTS = List.of(
			"Explore the relationship: ask how the sessions feel and what could be different.",
			"Revisit goals and approach: are you working on what matters most to the client now?",
			"Check motivation and what gets in the way between sessions.",
			"Ask about support: people, resources and stresses outside therapy.",
			"Consider consultation with your supervisor, or a referral.");

	private final Clients clients;

	private final Administrations administrations;

	private final Instruments instruments;

	private final Alerts alerts;

	private final Practices practices;

	private final ProgressCharts charts;

	ProgressController(Clients clients, Administrations administrations, Instruments instruments, Alerts alerts,
			Practices practices, ProgressCharts charts) {
		this.clients = clients;
		this.administrations = administrations;
		this.instruments = instruments;
		this.alerts = alerts;
		this.practices = practices;
		this.charts = charts;
	}

	/** Change since the first score, with what it means. */
	record ChangeRow(String instrument, ChangeAssessment assessment) {
	}

	/** One answered item of the latest response. */
	record AnswerRow(String question, String answer, int value, boolean critical) {

		/** Whether the score is worth showing next to the answer: not for "9" on a 0–10 scale ("9 (9)"). */
		public boolean valueShown() {
			return !answer.equals(Integer.toString(value));
		}

	}

	@GetMapping("/app/clients/{id}/progress")
	String progress(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, Model model) {
		Client client = clients.openForCare(staff, new ClientId(id), AuditAction.PROGRESS_VIEWED, "Viewed progress")
			.orElseThrow(RecordNotFoundException::new);
		List<Administration> history = administrations.history(staff.practiceId(), client.id());
		List<Alert> clientAlerts = alerts.ofClient(staff.practiceId(), client.id());
		model.addAttribute("client", client);
		model.addAttribute("chart", ProgressChart.svg(charts.forClient(staff.practiceId(), "PHQ-9", history, clientAlerts)
			.withGoals(charts.goalLines(staff, client))));
		model.addAttribute("changes", changes(staff, history));
		model.addAttribute("latestAnswers", latestAnswers(staff, history));
		model.addAttribute("measureNames", instruments.all(staff.practiceId())
			.stream()
			.collect(java.util.stream.Collectors.toMap(InstrumentDefinition::code, ProgressController::displayName,
					(first, second) -> first)));
		model.addAttribute("alerts", clientAlerts);
		model.addAttribute("prompts", clientAlerts.stream()
			.anyMatch(a -> a.status() != AlertStatus.RESOLVED
					&& (a.type() == AlertType.OFF_TRACK || a.type() == AlertType.ALLIANCE
							|| a.type() == AlertType.NO_RELIABLE_CHANGE))
				? PROMPTS : List.of());
		model.addAttribute("sessions", history.stream()
			.filter(a -> a.sessionNumber() != null && a.status() == AdministrationStatus.COMPLETED)
			.mapToInt(Administration::sessionNumber)
			.max()
			.orElse(0));
		model.addAttribute("zone", practices.get(staff.practiceId()).timeZone());
		model.addAttribute("provenance", charts.provenance(staff.practiceId(), "PHQ-9"));
		model.addAttribute("history", history.stream()
			.filter(a -> a.status() != AdministrationStatus.DUE)
			.toList());
		model.addAttribute("dueMeasures", administrations.due(staff.practiceId(), client.id()));
		model.addAttribute("measurementConsent", administrations.consented(staff.practiceId(), client.id()));
		model.addAttribute("checkInsVisible", clients.checkInsVisibleToClient(staff.practiceId(), client.id()));
		return "feedback/progress";
	}

	@org.springframework.web.bind.annotation.PostMapping("/app/clients/{id}/check-in-visibility")
	String checkInVisibility(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean visible,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Client client = clients.openForCare(staff, new ClientId(id), "Changed check-in visibility")
			.orElseThrow(RecordNotFoundException::new);
		clients.showCheckInsToClient(staff, client.id(), visible);
		redirect.addFlashAttribute("notice", visible ? "The client now sees their check-in results."
				: "Check-in results are now hidden from the client.");
		return "redirect:/app/clients/" + id + "/progress";
	}

	private List<ChangeRow> changes(RapportUser staff, List<Administration> history) {
		List<ChangeRow> rows = new ArrayList<>();
		for (InstrumentDefinition definition : instruments.all(staff.practiceId())) {
			if (!definition.hasReliableChange()) {
				continue;
			}
			List<Administration> completed = history.stream()
				.filter(a -> a.instrumentCode().equals(definition.code()) && a.status() == AdministrationStatus.COMPLETED)
				.toList();
			if (completed.size() >= 2) {
				rows.add(new ChangeRow(definition.code(), ChangeAssessment.assess(definition, completed.get(0).total(),
						completed.get(completed.size() - 1).total())));
			}
		}
		return rows;
	}

	/**
	 * A measure as people call it: its code where that is the familiar name ("PHQ-9"), else its
	 * title ("Session check-in" rather than the code "CHECK-IN").
	 */
	static String displayName(InstrumentDefinition definition) {
		return definition.title().contains(definition.code()) ? definition.code() : definition.title();
	}

	private Map<String, List<AnswerRow>> latestAnswers(RapportUser staff, List<Administration> history) {
		var latest = new java.util.LinkedHashMap<String, List<AnswerRow>>();
		for (InstrumentDefinition definition : instruments.all(staff.practiceId())) {
			Optional<Administration> last = history.stream()
				.filter(a -> a.instrumentCode().equals(definition.code()) && a.status() == AdministrationStatus.COMPLETED)
				.reduce((first, second) -> second);
			last.ifPresent(a -> {
				Map<String, Integer> answers = administrations.answers(staff.practiceId(), a.id());
				Map<String, Integer> thresholds = new java.util.HashMap<>();
				definition.criticalItems().forEach(c -> thresholds.put(c.itemId(), c.threshold()));
				latest.put(displayName(definition) + (a.sessionNumber() == null ? "" : ", session " + a.sessionNumber()),
						definition.items().stream().filter(item -> answers.containsKey(item.id())).map(item -> {
							int value = answers.get(item.id());
							return new AnswerRow(item.text(),
									item.option(value).map(o -> o.label()).orElse(Integer.toString(value)), value,
									value >= thresholds.getOrDefault(item.id(), Integer.MAX_VALUE));
						}).toList());
			});
		}
		return latest;
	}

}
