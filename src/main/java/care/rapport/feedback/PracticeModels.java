package care.rapport.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import care.rapport.measures.Administrations;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.springframework.stereotype.Service;

/**
 * The expected trajectories each practice is measured against: Rapport's defaults until the
 * practice has enough finished episodes, then curves fitted to its own data. Fits are kept for an
 * hour, since finished episodes accumulate slowly.
 */
@Service
public class PracticeModels {

	static final Duration REFIT_AFTER = Duration.ofHours(1);

	private static final List<String> OUTCOMES = List.of("PHQ-9", "GAD-7");

	private record Fitted(PracticeTrajectories trajectories, Instant at) {
	}

	private final Map<PracticeId, Fitted> fitted = new ConcurrentHashMap<>();

	private final Administrations administrations;

	private final Practices practices;

	private final FeedbackSettings settings;

	private final Clock clock;

	PracticeModels(Administrations administrations, Practices practices, FeedbackSettings settings, Clock clock) {
		this.administrations = administrations;
		this.practices = practices;
		this.settings = settings;
		this.clock = clock;
	}

	public PracticeTrajectories forPractice(PracticeId practice) {
		Fitted current = fitted.get(practice);
		if (current == null || current.at().plus(REFIT_AFTER).isBefore(clock.instant())) {
			current = new Fitted(refit(practice), clock.instant());
			fitted.put(practice, current);
		}
		return current.trajectories();
	}

	/** The alert rules with this practice's trajectories. */
	public AlertRules rulesFor(PracticeId practice) {
		return new AlertRules(AlertSettings.DEFAULTS, forPractice(practice));
	}

	/** Fits the practice's curves now, falling back to the defaults per instrument and per band. */
	public PracticeTrajectories refit(PracticeId practice) {
		var zone = practices.get(practice).timeZone();
		var fitter = new TrajectoryFitter(TrajectoryParameters.defaults(), clock.withZone(zone));
		PracticeTrajectories trajectories = PracticeTrajectories.defaults();
		for (String code : OUTCOMES) {
			List<EpisodeSeries> episodes = administrations.closedEpisodeScores(practice, code)
				.stream()
				.map(scores -> new EpisodeSeries(scores.stream()
					.map(point -> new EpisodeSeries.SessionScore((int) point[0], point[1]))
					.toList()))
				.toList();
			TrajectoryFit fit = fitter.fit(code, episodes, settings.fitSettings());
			if (fit.practiceModel()) {
				trajectories = trajectories.with(fit.model());
			}
		}
		fitted.put(practice, new Fitted(trajectories, clock.instant()));
		return trajectories;
	}

}
