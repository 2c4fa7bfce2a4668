package care.rapport.feedback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trajectoryMinEpisodes finished episodes a practice needs before its own curves replace the defaults
 * @param trajectoryMinBandObservations scores after intake an intake band needs to be fitted
 * @param riskAcknowledgeWithin how long a risk alert may stay open before it goes to the supervisor
 * @param acknowledgeWithin when other alerts are due
 * @param escalationCheckInterval how often overdue risk alerts are looked for
 */
@ConfigurationProperties("rapport.feedback")
public record FeedbackSettings(Duration riskAcknowledgeWithin, Duration acknowledgeWithin,
		Duration escalationCheckInterval, int trajectoryMinEpisodes, int trajectoryMinBandObservations) {

	public TrajectoryFitSettings fitSettings() {
		return new TrajectoryFitSettings(trajectoryMinEpisodes, trajectoryMinBandObservations,
				TrajectoryFitSettings.DEFAULTS.shareOutside());
	}

}
