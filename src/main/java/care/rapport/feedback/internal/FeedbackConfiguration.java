package care.rapport.feedback.internal;

import care.rapport.feedback.AlertRules;
import care.rapport.feedback.AlertSettings;
import care.rapport.feedback.PracticeTrajectories;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alert rules with their default thresholds and the default trajectory model. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

	@Bean
	PracticeTrajectories practiceTrajectories() {
		return PracticeTrajectories.defaults();
	}

	@Bean
	AlertRules alertRules(PracticeTrajectories trajectories) {
		return new AlertRules(AlertSettings.DEFAULTS, trajectories);
	}

}
