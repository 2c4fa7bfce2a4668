package care.rapport.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/** Bookings must fit the therapist's weekly windows and avoid their days off. */
@IntegrationTest
@AutoConfigureMockMvc
class AvailabilityIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void bookingsOutsideAvailabilityOrOnADayOffAreRefusedWithTheReason() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.as(practice.therapistAEmail());
		LocalDate monday = LocalDate.now(ZoneId.of("America/Vancouver")).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		mvc.perform(post("/app/availability/windows").with(csrf()).with(therapist)
			.param("day", "MONDAY").param("starts", "09:00").param("ends", "17:00"))
			.andExpect(flash().attribute("notice", "Window added."));
		mvc.perform(post("/app/availability/windows").with(csrf()).with(therapist)
			.param("day", "MONDAY").param("starts", "16:00").param("ends", "18:00"))
			.andExpect(flash().attribute("error", containsString("overlaps")));
		mvc.perform(post("/app/availability/days-off").with(csrf()).with(therapist)
			.param("day", monday.plusWeeks(1).toString()).param("reason", "Conference"));

		String url = "/app/clients/" + practice.clientOfA() + "/appointments";
		mvc.perform(post(url).with(csrf()).with(therapist)
			.param("date", monday.plusDays(1).toString()).param("time", "10:00").param("minutes", "50"))
			.andExpect(content().string(containsString("availability on Tuesdays")));
		mvc.perform(post(url).with(csrf()).with(therapist)
			.param("date", monday.plusWeeks(1).toString()).param("time", "10:00").param("minutes", "50"))
			// The day off, but not why: clients asking for a time read the same words.
			.andExpect(content().string(containsString("does not work on " + monday.plusWeeks(1))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Conference"))));
		mvc.perform(post(url).with(csrf()).with(therapist)
			.param("date", monday.toString()).param("time", "16:30").param("minutes", "50"))
			.andExpect(content().string(containsString("availability on Mondays")));
		mvc.perform(post(url).with(csrf()).with(therapist)
			.param("date", monday.toString()).param("time", "10:00").param("minutes", "50"))
			.andExpect(redirectedUrlPattern("/app/clients/" + practice.clientOfA() + "/sessions#session-*"));
		assertThat(context.getBean(JdbcClient.class)
			.sql("select actor_role from audit_event where practice_id = :p and action = 'SESSION_BOOKED'")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list()).as("only the accepted booking is a change, and it is audited").containsExactly("THERAPIST");
	}

}
