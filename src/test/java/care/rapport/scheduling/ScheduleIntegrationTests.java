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
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ScheduleIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	MockMvc mvc;

	@Test
	void weekAndDayViewsShowTheTherapistsSessionsInThePracticeZone() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		ZoneId zone = ZoneId.of("America/Vancouver");
		LocalDate day = LocalDate.now(zone).plusDays(8);
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(14, 30).atZone(zone).toInstant(), Duration.ofMinutes(50));
		String name = practice.user(practice.clientAEmail()).displayName();

		mvc.perform(get("/app/schedule").param("date", day.toString()).with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("2:30 p.m.")));
		mvc.perform(get("/app/schedule").param("date", day.plusDays(1).toString()).param("view", "day")
			.with(practice.as(practice.therapistAEmail())))
			// The name is still in the grid's client picker; the day's list has no session.
			.andExpect(content().string(containsString("0 sessions shown.")));
		mvc.perform(get("/app/schedule").param("date", day.toString()).param("therapist", therapist.toString())
			.with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/app/schedule").param("therapist", therapist.toString())
			.with(practice.as(practice.therapistBEmail()))).andExpect(status().isNotFound());
	}

	@Test
	void aTherapistsPrivateFeedShowsInitialsOnlyAndAClientGetsTheirOwnSession() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var appointment = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				java.time.Instant.now().plus(Duration.ofDays(2)), Duration.ofMinutes(50));
		appointments.setTelehealthLink(practice.practice().id(), appointment, "https://video.example/r1");
		String token = context.getBean(CalendarFeeds.class).renew(practice.practice().id(), therapist);
		String name = practice.user(practice.clientAEmail()).displayName();

		mvc.perform(get("/calendar/" + token + ".ics"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(content().string(containsString("BEGIN:VEVENT")))
			.andExpect(content().string(containsString("SUMMARY:Session: C. A.")))
			.andExpect(content().string(not(containsString(name))));
		context.getBean(CalendarFeeds.class).renew(practice.practice().id(), therapist);
		mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isNotFound());

		mvc.perform(get("/me/appointments/" + appointment + ".ics").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("https://video.example/r1")));
		mvc.perform(get("/me/appointments/" + appointment + ".ics").with(practice.as(practice.clientBEmail())))
			.andExpect(status().isNotFound());
	}

}
