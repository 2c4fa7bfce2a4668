package care.rapport.scheduling.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reminders go out once, a day ahead, by e-mail to clients who prefer it, with no clinical content. */
@IntegrationTest
class RemindersIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionTomorrowGetsOneReminderWithItsVideoLink() {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var soon = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(50));
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(5)), Duration.ofMinutes(50));
		appointments.setTelehealthLink(practice.practice().id(), soon, "https://video.example/room-42");
		assertThatThrownBy(() -> appointments.setTelehealthLink(practice.practice().id(), soon, "http://insecure.example"))
			.isInstanceOf(IllegalArgumentException.class);

		var reminders = context.getBean(Reminders.class);
		reminders.queue();
		reminders.queue();

		var bodies = jdbc.sql("select subject || ' ' || body from outbox_message where recipient = :c and subject like 'Reminder%'")
			.param("c", practice.clientAEmail())
			.query(String.class)
			.list();
		assertThat(bodies).singleElement().asString()
			.contains("Join by video: https://video.example/room-42")
			.doesNotContain("PHQ");
	}

	@Test
	void aCancelledSessionFreesItsTimeAndKeepsItsReason() {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		Instant at = Instant.now().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
		var first = appointments.book(practice.practice().id(), practice.clientOfA(), therapist, at, Duration.ofMinutes(50));
		assertThatThrownBy(() -> appointments.cancel(practice.practice().id(), first, " "))
			.isInstanceOfSatisfying(care.rapport.scheduling.AttendanceRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(care.rapport.scheduling.AttendanceRefused.Code.REASON_REQUIRED));
		appointments.cancel(practice.practice().id(), first, "Client is unwell");

		appointments.book(practice.practice().id(), practice.clientOfB(), therapist, at, Duration.ofMinutes(50));
		assertThat(appointments.find(practice.practice().id(), first).orElseThrow().cancelReason()).isEqualTo("Client is unwell");
	}

}
