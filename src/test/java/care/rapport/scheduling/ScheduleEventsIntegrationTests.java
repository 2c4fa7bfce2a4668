package care.rapport.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON behind the calendar grid, and moving a session by dragging it. */
@IntegrationTest
@AutoConfigureMockMvc
class ScheduleEventsIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Vancouver");

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	MockMvc mvc;

	@Test
	void sessionsComeAsEventsAndAvailabilityAndDaysOffAsBackground() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		LocalDate day = LocalDate.now(ZONE).plusDays(8);
		availability.addWindow(practice.practice().id(), therapist,
				new Availability.Window(day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
		availability.addDayOff(practice.practice().id(), therapist, day.plusDays(1), "Own therapy appointment");
		var id = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(14, 30).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		String name = practice.user(practice.clientAEmail()).displayName();

		mvc.perform(get("/app/schedule/events").param("start", day.toString()).param("end", day.plusDays(2).toString())
			.with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].title").value(hasItem(name)))
			// Practice wall-clock time, whatever zone the server or browser is in.
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].start").value(hasItem(day + "T14:30")))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].editable").value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.classNames[0] == 'available')].start").value(hasItem(day + "T09:00")))
			.andExpect(jsonPath("$[?(@.classNames[0] == 'day-off')].start").value(hasItem(day.plusDays(1) + "T00:00")))
			// Why the therapist is off is theirs: not on the calendar.
			.andExpect(content().string(not(containsString("Own therapy"))));

		// An admin reads a therapist's calendar; another therapist gets 404 as for the page.
		mvc.perform(get("/app/schedule/events").param("start", day.toString()).param("end", day.plusDays(1).toString())
			.param("therapist", therapist.toString()).with(practice.as(practice.adminEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/app/schedule/events").param("start", day.toString()).param("end", day.plusDays(1).toString())
			.param("therapist", therapist.toString()).with(practice.as(practice.therapistBEmail())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/app/schedule/events").param("start", "soon").param("end", day.toString())
			.with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("bad-range"));
	}

	@Test
	void draggingASessionFollowsTheRescheduleRulesAndARefusalChangesNothing() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		LocalDate day = LocalDate.now(ZONE).plusDays(8);
		availability.addWindow(practice.practice().id(), therapist,
				new Availability.Window(day.getDayOfWeek(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
		var moving = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(10, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				day.atTime(13, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		String url = "/app/schedule/events/" + moving + "/move";
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post(url).with(csrf()).with(staff).param("start", day + "T13:00:00Z"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("slot-taken"))
			.andExpect(jsonPath("$.detail").value(containsString("The session was not moved")));
		mvc.perform(post(url).with(csrf()).with(staff).param("start", day + "T18:00"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("outside-availability"));
		assertThat(appointments.find(practice.practice().id(), moving).orElseThrow().startsAt())
			.isEqualTo(day.atTime(10, 0).atZone(ZONE).toInstant());

		mvc.perform(post(url).with(csrf()).with(staff).param("start", day + "T14:30").param("end", day + "T15:30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value(containsString("2:30 p.m.")));
		var moved = appointments.find(practice.practice().id(), moving).orElseThrow();
		assertThat(moved.startsAt()).isEqualTo(day.atTime(14, 30).atZone(ZONE).toInstant());
		assertThat(moved.length()).isEqualTo(Duration.ofMinutes(60));

		// Another therapist cannot move it, not even to learn it exists.
		mvc.perform(post(url).with(csrf()).with(practice.as(practice.therapistBEmail())).param("start", day + "T15:30"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theListFallbackSaysFreeOnlyOnWorkingDays() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		LocalDate monday = LocalDate.now(ZONE).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
		availability.addWindow(practice.practice().id(), therapist,
				new Availability.Window(java.time.DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));

		String page = mvc.perform(get("/app/schedule").param("date", monday.toString())
			.with(practice.as(practice.therapistAEmail())))
			.andReturn().getResponse().getContentAsString();
		assertThat(page.split(">Free<", -1)).hasSize(2);
		assertThat(page.split(">Not working<", -1)).hasSize(7);
	}

}
