package care.rapport.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.feedback.AlertCandidate;
import care.rapport.feedback.AlertSeverity;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A therapist's home shows their day: today's sessions and what waits for them, each linking on. */
@IntegrationTest
@AutoConfigureMockMvc
class HomePagesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTherapistsHomeShowsTodaysSessionsOpenAlertsAndNotesToSign() throws Exception {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var therapist = practice.user(practice.therapistAEmail());
		ZoneId zone = practice.practice().timeZone();
		var appointments = context.getBean(Appointments.class);
		appointments.book(p, practice.clientOfA(), therapist.id(),
				LocalDate.now(zone).atTime(12, 0).atZone(zone).toInstant(), Duration.ofMinutes(50));
		var lastWeek = appointments.book(p, practice.clientOfA(), therapist.id(),
				Instant.now().minus(Duration.ofDays(7)), Duration.ofMinutes(50));
		appointments.attend(p, lastWeek);
		context.getBean(Alerts.class)
			.raise(p, practice.clientOfA(), therapist.id(), new AlertCandidate(AlertType.DETERIORATION,
					AlertSeverity.HIGH, "PHQ-9", 1, Instant.now(), "PHQ-9 rose from 9 to 17"), null);
		long auditedBefore = audited(practice);

		String home = mvc.perform(get("/app").with(practice.as(practice.therapistAEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(home).contains("id=\"today-sessions\"", practice.user(practice.clientAEmail()).displayName(),
				"/app/clients/" + practice.clientOfA() + "/sessions");
		assertThat(home).contains("id=\"today-alerts\"><strong>1</strong>")
			.contains("id=\"today-notes\"><strong>1</strong>")
			.contains("id=\"today-messages\"><strong>0</strong>");
		assertThat(audited(practice)).as("counts name no client, so the home page writes no audit row")
			.isEqualTo(auditedBefore);

		String adminHome = mvc.perform(get("/app").with(practice.as(practice.adminEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(adminHome).contains("id=\"next-steps\"").doesNotContain("id=\"today\"");
	}

	private long audited(TestPractice practice) {
		return jdbc.sql("select count(*) from audit_event where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single();
	}

}
