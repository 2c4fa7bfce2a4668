package care.rapport.feedback;

import java.util.Comparator;
import java.util.List;

/**
 * What the alert rules look at for one client in one episode.
 *
 * @param outcomes one series per outcome instrument the client is measured with
 * @param checkIns the client's session check-ins, in any order; kept sorted by session, then time
 */
public record ClientHistory(List<OutcomeSeries> outcomes, List<CheckIn> checkIns) {

	public ClientHistory {
		outcomes = List.copyOf(outcomes);
		checkIns = checkIns.stream()
			.sorted(Comparator.comparingInt(CheckIn::sessionNumber).thenComparing(CheckIn::administeredAt))
			.toList();
	}

}
