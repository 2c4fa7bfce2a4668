package care.rapport.scheduling.internal;

import java.time.Duration;

import care.rapport.scheduling.Appointments;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues a reminder e-mail about 24 hours before each session, for clients who prefer e-mail.
 * The message names the practice and the time, never what the session is about.
 */
@Component
class Reminders {

	static final Duration AHEAD = Duration.ofHours(24);

	private final Appointments appointments;

	private final SessionNotices notices;

	Reminders(Appointments appointments, SessionNotices notices) {
		this.appointments = appointments;
		this.notices = notices;
	}

	@Scheduled(fixedDelayString = "${rapport.scheduling.reminder-check-interval:PT5M}", initialDelayString = "PT30S")
	void queueDueReminders() {
		queue();
	}

	/** @return how many reminders were queued */
	int queue() {
		int queued = 0;
		for (var due : appointments.takeDueReminders(AHEAD)) {
			if (notices.reminder(due.practiceId(), due.clientId(), due.startsAt(), due.telehealthUrl())) {
				queued++;
			}
		}
		return queued;
	}

}
