package care.rapport.goals.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import care.rapport.goals.Commitment;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.FollowThrough;
import care.rapport.goals.Goal;
import org.springframework.ui.Model;

/** What the client's and the care team's goal pages share: rating lines and follow-through. */
final class GoalViews {

	private GoalViews() {
	}

	/** Each goal's ratings by session as a small line, keyed by goal id. */
	static Map<String, String> lines(List<Goal> goals) {
		Map<String, String> lines = new LinkedHashMap<>();
		for (Goal goal : goals) {
			var points = goal.ratings().stream().map(r -> new LineChart.Point(r.sessionNumber(), r.rating())).toList();
			lines.put(goal.id().toString(), LineChart.svg(points, 0, 10, "Ratings of this goal, 0 to 10", ""));
		}
		return lines;
	}

	static void commitments(Model model, List<Commitment> commitments) {
		model.addAttribute("openCommitments", commitments.stream().filter(c -> !c.checked()).toList());
		model.addAttribute("checkedCommitments", commitments.stream().filter(Commitment::checked).toList());
		model.addAttribute("followThrough", FollowThrough.of(commitments));
		model.addAttribute("clientFollowThrough", FollowThrough.of(commitments, CommitmentOwner.CLIENT));
		model.addAttribute("therapistFollowThrough", FollowThrough.of(commitments, CommitmentOwner.THERAPIST));
		List<FollowThrough> bySession = FollowThrough.bySession(commitments);
		model.addAttribute("followThroughBySession", bySession);
		model.addAttribute("followThroughLine", bySession.isEmpty() ? null
				: LineChart.svg(bySession.stream()
					.map(f -> new LineChart.Point(f.session() == null ? 0 : f.session(), f.percent()))
					.toList(), 0, 100, "Follow-through by session, percent", "%"));
	}

}
