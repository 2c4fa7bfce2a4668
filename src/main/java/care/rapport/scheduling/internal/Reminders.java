package care.rapport.scheduling.internal;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import care.rapport.clients.Clients;
import care.rapport.mail.MailSettings;
import care.rapport.mail.Outbox;
import care.rapport.practice.Practices;
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

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' h:mm a z", Locale.CANADA);

	private final Appointments appointments;

	private final Clients clients;

	private final Practices practices;

	private final Outbox outbox;

	private final MailSettings mail;

	Reminders(Appointments appointments, Clients clients, Practices practices, Outbox outbox, MailSettings mail) {
		this.appointments = appointments;
		this.clients = clients;
		this.practices = practices;
		this.outbox = outbox;
		this.mail = mail;
	}

	@Scheduled(fixedDelayString = "${rapport.scheduling.reminder-check-interval:PT5M}", initialDelayString = "PT30S")
	void queueDueReminders() {
		queue();
	}

	/** @return how many reminders were queued */
	int queue() {
		int queued = 0;
		for (var due : appointments.takeDueReminders(AHEAD)) {
			var contact = clients.contactOf(due.practiceId(), due.clientId()).orElse(null);
			if (contact == null || !contact.preference().equals("EMAIL")) {
				continue;
			}
			var practice = practices.get(due.practiceId());
			String when = WHEN.format(due.startsAt().atZone(practice.timeZone()));
			outbox.enqueue(due.practiceId(), contact.email(), "Reminder: your session on " + when, """
					Hello %s,

					This is a reminder of your session with %s on %s.
					%s
					If you need to change it, please contact the practice. You can see your check-ins at %s/me.
					""".formatted(contact.displayName(), practice.name(), when,
					due.telehealthUrl() == null ? "" : "Join by video: " + due.telehealthUrl() + "\n", mail.baseUrl()));
			queued++;
		}
		return queued;
	}

}
