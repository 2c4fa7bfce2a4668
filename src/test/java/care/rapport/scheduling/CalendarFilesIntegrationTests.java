package care.rapport.scheduling;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Calendar files that calendar apps accept, and a feed that one bad entry cannot break. */
@IntegrationTest
@AutoConfigureMockMvc
class CalendarFilesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSessionFileAndTheFeedAreValidICalendarInUtcWithALocationAndNothingClinical() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var video = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(2)), Duration.ofMinutes(50));
		appointments.setTelehealthLink(practice.practice().id(), video, "https://video.example/r1?pwd=abc");
		var inPerson = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(3)), Duration.ofMinutes(50));
		String token = context.getBean(CalendarFeeds.class).renew(practice.practice().id(), therapist);

		String single = mvc.perform(get("/me/appointments/" + video + ".ics").with(practice.as(practice.clientAEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String feed = mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse().getContentAsString();

		for (String text : new String[] { single, feed }) {
			assertThat(text).doesNotContain("TZID").containsPattern("DTSTART:\\d{8}T\\d{6}Z");
			Calendar calendar = strictlyParsed(text);
			assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
			for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
				assertThat(event.getLocation()).as("LOCATION").isNotNull();
				assertThat(event.getDescription()).as("DESCRIPTION").isNotNull();
				assertThat(event.getDescription().getValue()).doesNotContain(
						practice.user(practice.clientAEmail()).displayName());
			}
		}
		VEvent videoEvent = strictlyParsed(single).<VEvent>getComponents("VEVENT").get(0);
		assertThat(videoEvent.getLocation().getValue()).isEqualTo("https://video.example/r1?pwd=abc");
		assertThat(feed).contains("LOCATION:In person", inPerson + "@rapport");
	}

	@Test
	void oneMalformedStoredVideoLinkNeverBreaksTheFeed() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var broken = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(2)), Duration.ofMinutes(50));
		var fine = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(4)), Duration.ofMinutes(50));
		// Stored before links were checked on saving; the database only asks for https.
		jdbc.sql("update appointment set telehealth_url = 'https://meet.example/a|b' where appointment_id = :a")
			.param("a", broken.value())
			.update();
		String token = context.getBean(CalendarFeeds.class).renew(practice.practice().id(), therapist);

		var response = mvc.perform(get("/calendar/" + token + ".ics")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		Calendar calendar = strictlyParsed(response.getContentAsString());
		assertThat(calendar.validate().hasErrors()).isFalse();
		assertThat(response.getContentAsString()).contains(broken + "@rapport", fine + "@rapport")
			.doesNotContain("a|b");
	}

	@Test
	void aVideoLinkThatIsNotAnAbsoluteHttpsAddressIsRefusedNextToTheFieldKeepingWhatWasTyped() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var session = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(2)), Duration.ofMinutes(50));
		String url = "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/telehealth";
		var staff = practice.as(practice.therapistAEmail());

		for (String bad : new String[] { "https://meet.example/a|b", "https:///no-host", "meet.example/room",
				"http://meet.example/room", "https://meet example/room" }) {
			mvc.perform(post(url).with(csrf()).with(staff).param("url", bad))
				.andExpect(redirectedUrl("/app/clients/" + practice.clientOfA() + "/sessions#session-" + session))
				.andExpect(flash().attribute("linkError", containsString("starting with https://")))
				.andExpect(flash().attribute("linkValue", bad));
			assertThat(appointments.find(practice.practice().id(), session).orElseThrow().telehealthUrl()).as(bad).isNull();
		}
		mvc.perform(post(url).with(csrf()).with(staff).param("url", "https://meet.example/room-1?pwd=x"))
			.andExpect(flash().attribute("notice", "Video link saved."));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/sessions").with(staff)
			.flashAttr("linkError", "Enter the full video link")
			.flashAttr("linkOf", session.value())
			.flashAttr("linkValue", "https://meet.example/a|b"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("value=\"https://meet.example/a|b\"")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("Enter the full video link")));
	}

	private static Calendar strictlyParsed(String text) throws Exception {
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
		return new CalendarBuilder().build(new StringReader(text));
	}

}
