package care.rapport.feedback.web;

import java.util.List;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.feedback.chart.ProgressChart;
import care.rapport.feedback.chart.ProgressChartData;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.Administrations;
import care.rapport.measures.ChangeAssessment;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.practice.RecordNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The client's own chart, with what it means in plain words. Alerts stay with the care team. */
@Controller
class ClientProgressController {

	private final Clients clients;

	private final Administrations administrations;

	private final Instruments instruments;

	private final ProgressCharts charts;

	ClientProgressController(Clients clients, Administrations administrations, Instruments instruments,
			ProgressCharts charts) {
		this.clients = clients;
		this.administrations = administrations;
		this.instruments = instruments;
		this.charts = charts;
	}

	/** One measure's line in plain words. */
	record Summary(String measure, String sentence) {
	}

	@GetMapping("/me/progress")
	String progress(@AuthenticationPrincipal RapportUser user, Model model) {
		Client client = clients.ownRecord(user).orElseThrow(RecordNotFoundException::new);
		List<Administration> history = administrations.history(user.practiceId(), client.id());
		boolean showCheckIns = clients.checkInsVisibleToClient(user.practiceId(), client.id());
		ProgressChartData full = charts.forClient(user.practiceId(), "PHQ-9", history, List.of());
		var forClient = new ProgressChartData(full.instrument(), full.min(), full.max(), full.higherIsWorse(),
				full.cutoff(), full.scores(), List.of(), full.missedSessions(), List.of(),
				showCheckIns ? full.checkIns() : List.of(), showCheckIns ? full.checkInCutoff() : null,
				charts.goalLines(user, client));
		boolean anything = !forClient.scores().isEmpty() || !forClient.goals().isEmpty();
		model.addAttribute("chart", anything ? ProgressChart.forClient(forClient) : null);
		model.addAttribute("summaries", instruments.all(user.practiceId())
			.stream()
			.filter(InstrumentDefinition::hasReliableChange)
			.map(definition -> summary(definition, history))
			.flatMap(java.util.Optional::stream)
			.toList());
		return "feedback/client-progress";
	}

	static java.util.Optional<Summary> summary(InstrumentDefinition definition, List<Administration> history) {
		List<Administration> scores = history.stream()
			.filter(a -> a.instrumentCode().equals(definition.code()) && a.status() == AdministrationStatus.COMPLETED)
			.toList();
		if (scores.size() < 2) {
			return java.util.Optional.empty();
		}
		var change = ChangeAssessment.assess(definition, scores.get(0).total(), scores.get(scores.size() - 1).total());
		return java.util.Optional.of(new Summary(plainName(definition.code()), sentence(change)));
	}

	/** What a change means, in the words the examples use. */
	static String sentence(ChangeAssessment change) {
		int points = change.change().abs().intValue();
		String size = points == 1 ? "1 point" : points + " points";
		boolean dropped = change.change().signum() < 0;
		if (points == 0) {
			return "Your score is where it was when you started.";
		}
		if (change.improved()) {
			return "Since you started, your score has " + (dropped ? "dropped " : "risen ") + size
					+ " \u2014 a change large enough to be real, not chance.";
		}
		if (change.deteriorated()) {
			return "Since you started, your score has " + (dropped ? "dropped " : "risen ") + size
					+ ", more than chance would explain. Your therapist will talk it through with you.";
		}
		return "Since you started, your score has " + (dropped ? "dropped " : "risen ") + size
				+ ". A change this size can happen by chance, so keep going and see how it develops.";
	}

	static String plainName(String code) {
		return switch (code) {
			case "PHQ-9" -> "Mood (PHQ-9)";
			case "GAD-7" -> "Worry and anxiety (GAD-7)";
			default -> code;
		};
	}

}
