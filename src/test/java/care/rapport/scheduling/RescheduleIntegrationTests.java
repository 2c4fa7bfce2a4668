package care.rapport.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** Moving a session is one step: it moves entirely, or it stays where it was and says why. */
@IntegrationTest
@AutoConfigureMockMvc
class RescheduleIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Vancouver");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSessionMovesToAFreeTimeKeepingItsIdentityAndGetsAFreshReminder() throws Exception {
		var practice = TestPractice.create(context);
		var appointments = context.getBean(Appointments.class);
		var therapist = practice.user(practice.therapistAEmail()).id();
		LocalDate day = LocalDate.now(ZONE).plusDays(5);
		var session = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(10, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(14, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		jdbc.sql("update appointment set reminder_queued_at = now() where appointment_id = :id")
			.param("id", session.value())
			.update();
		String url = "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/reschedule";
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post(url).with(csrf()).with(staff).param("date", day.toString()).param("time", "14:30"))
			.andExpect(flash().attribute("rescheduleError", containsString("already has a session then")))
			.andExpect(flash().attribute("rescheduleTime", "14:30"));
		mvc.perform(post(url).with(csrf()).with(staff).param("date", LocalDate.now(ZONE).minusDays(1).toString())
			.param("time", "09:00")).andExpect(flash().attribute("rescheduleError", containsString("has passed")));
		assertThat(appointments.find(practice.practice().id(), session).orElseThrow().startsAt())
			.as("refused moves leave it where it was")
			.isEqualTo(day.atTime(10, 0).atZone(ZONE).toInstant());

		mvc.perform(post(url).with(csrf()).with(staff).param("date", day.plusDays(1).toString()).param("time", "11:00"))
			.andExpect(flash().attribute("notice", containsString("Session moved to")));

		var moved = appointments.find(practice.practice().id(), session).orElseThrow();
		assertThat(moved.startsAt()).isEqualTo(day.plusDays(1).atTime(11, 0).atZone(ZONE).toInstant());
		assertThat(moved.length()).isEqualTo(Duration.ofMinutes(50));
		assertThat(moved.rescheduledFrom()).isEqualTo(day.atTime(10, 0).atZone(ZONE).toInstant());
		assertThat(jdbc.sql("select reminder_queued_at is null from appointment where appointment_id = :id")
			.param("id", session.value())
			.query(Boolean.class)
			.single()).as("a fresh reminder for the new time").isTrue();
		assertThat(jdbc.sql("select body from outbox_message where practice_id = :p and recipient = :r")
			.param("p", practice.practice().id().value())
			.param("r", practice.clientAEmail())
			.query(String.class)
			.list()).anySatisfy(body -> assertThat(body).contains("has moved to"));
		assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :p and action = 'SESSION_RESCHEDULED'")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
