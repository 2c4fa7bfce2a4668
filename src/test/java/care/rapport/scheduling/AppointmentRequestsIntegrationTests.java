package care.rapport.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.identity.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A client asks for a session at a time their therapist offers; the therapist accepts (which books
 * it) or declines with a reason the client reads.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AppointmentRequestsIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Vancouver");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	LocalDate tuesday;

	@BeforeEach
	void therapistOffersTuesdayMornings() throws Exception {
		practice = TestPractice.create(context);
		tuesday = LocalDate.now(ZONE).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
		mvc.perform(post("/app/availability/windows").with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("day", "TUESDAY").param("starts", "09:00").param("ends", "11:00"))
			.andExpect(flash().attribute("notice", "Window added."));
	}

	@Test
	void aClientAsksForAnOfferedTimeAndTheTherapistAcceptsIt() throws Exception {
		var client = practice.as(practice.clientAEmail());
		String nine = tuesday.atTime(9, 0).toString();
		mvc.perform(get("/me/sessions").with(client))
			.andExpect(content().string(containsString("value=\"" + nine + "\"")))
			.andExpect(content().string(containsString("value=\"" + tuesday.atTime(10, 0) + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + tuesday.atTime(10, 30) + "\""))));
		UUID key = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/me/sessions/requests").with(csrf()).with(client)
				.param("slot", nine).param("note", "Video would suit me best").param("key", key.toString()))
				.andExpect(redirectedUrl("/me/sessions"));
		}
		assertThat(count("select count(*) from appointment_request where practice_id = :p")).as("a double click")
			.isEqualTo(1);
		mvc.perform(get("/me/sessions").with(client))
			.andExpect(content().string(containsString("Waiting for your therapist")))
			.andExpect(content().string(not(containsString("value=\"" + nine + "\""))));
		assertThat(outboxTo(practice.therapistAEmail())).singleElement()
			.satisfies(body -> assertThat(body).contains("/app/requests").doesNotContain("Video would suit"));

		mvc.perform(get("/app/requests").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Video would suit me best")));
		mvc.perform(get("/app/requests").with(practice.as(practice.adminEmail()))
			.param("therapist", practice.user(practice.therapistAEmail()).id().toString()))
			.andExpect(content().string(containsString("Accept and book")))
			.andExpect(content().string(not(containsString("Video would suit me best"))));
		UUID request = onlyRequest();
		mvc.perform(post("/app/requests/" + request + "/accept").with(csrf())
			.with(practice.as(practice.therapistBEmail()))).andExpect(status().isNotFound());

		mvc.perform(post("/app/requests/" + request + "/accept").with(csrf())
			.with(practice.as(practice.therapistAEmail())))
			.andExpect(flash().attribute("notice", containsString("Booked")));

		var booked = context.getBean(Appointments.class)
			.calendar(practice.practice().id(), practice.user(practice.therapistAEmail()).id(),
					tuesday.atStartOfDay(ZONE).toInstant(), tuesday.plusDays(1).atStartOfDay(ZONE).toInstant());
		assertThat(booked).singleElement().satisfies(entry -> {
			assertThat(entry.appointment().startsAt()).isEqualTo(tuesday.atTime(9, 0).atZone(ZONE).toInstant());
			assertThat(entry.appointment().length()).isEqualTo(Duration.ofMinutes(50));
		});
		mvc.perform(get("/me/sessions").with(client)).andExpect(content().string(containsString("Booked")));
		assertThat(outboxTo(practice.clientAEmail())).anySatisfy(body -> assertThat(body).contains("is booked"));
		byte[] note = jdbc.sql("select note from appointment_request where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(byte[].class)
			.single();
		assertThat(new String(note, StandardCharsets.ISO_8859_1)).doesNotContain("Video");
	}

	@Test
	void aDeclineNeedsAReasonAndTheClientReadsIt() throws Exception {
		var client = practice.as(practice.clientAEmail());
		mvc.perform(post("/me/sessions/requests").with(csrf()).with(client)
			.param("slot", tuesday.atTime(10, 0).toString()).param("key", UUID.randomUUID().toString()));
		UUID request = onlyRequest();
		var therapist = practice.as(practice.therapistAEmail());
		mvc.perform(post("/app/requests/" + request + "/decline").with(csrf()).with(therapist).param("reason", " "))
			.andExpect(flash().attribute("error", containsString("Tell the client briefly why")));
		mvc.perform(post("/app/requests/" + request + "/decline").with(csrf()).with(therapist)
			.param("reason", "I'm away that week; could Thursday at 2 work?"))
			.andExpect(flash().attribute("notice", containsString("Declined")));
		mvc.perform(get("/me/sessions").with(client))
			.andExpect(content().string(containsString("Not possible")))
			.andExpect(content().string(containsString("could Thursday at 2 work?")));
		mvc.perform(post("/app/requests/" + request + "/accept").with(csrf()).with(therapist))
			.andExpect(flash().attribute("error", containsString("already not possible")));
	}

	@Test
	void aTimeThatIsNotOfferedIsRefusedKeepingTheNote() throws Exception {
		mvc.perform(post("/me/sessions/requests").with(csrf()).with(practice.as(practice.clientAEmail()))
			.param("slot", tuesday.atTime(14, 0).toString()).param("note", "Afternoons please")
			.param("key", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That time is no longer free")))
			.andExpect(content().string(containsString("Afternoons please")));
		assertThat(count("select count(*) from appointment_request where practice_id = :p")).isZero();
	}

	@Test
	void acceptingATimeBookedMeanwhileBooksNothingAndKeepsTheRequest() throws Exception {
		mvc.perform(post("/me/sessions/requests").with(csrf()).with(practice.as(practice.clientAEmail()))
			.param("slot", tuesday.atTime(9, 30).toString()).param("key", UUID.randomUUID().toString()));
		context.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), new UserId(practice.user(practice.therapistAEmail())
				.id().value()), tuesday.atTime(9, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));

		mvc.perform(post("/app/requests/" + onlyRequest() + "/accept").with(csrf())
			.with(practice.as(practice.therapistAEmail())))
			.andExpect(flash().attribute("error", containsString("booked meanwhile")));
		assertThat(jdbc.sql("select status from appointment_request where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.single()).isEqualTo("PENDING");
	}

	@Test
	void aClientWithdrawsTheirOwnPendingRequest() throws Exception {
		var client = practice.as(practice.clientAEmail());
		mvc.perform(post("/me/sessions/requests").with(csrf()).with(client)
			.param("slot", tuesday.atTime(9, 0).toString()).param("key", UUID.randomUUID().toString()));
		UUID request = onlyRequest();
		mvc.perform(post("/me/sessions/requests/" + request + "/withdraw").with(csrf())
			.with(practice.as(practice.clientBEmail()))).andExpect(status().isNotFound());
		mvc.perform(post("/me/sessions/requests/" + request + "/withdraw").with(csrf()).with(client))
			.andExpect(flash().attribute("notice", "Your request is withdrawn."));
		mvc.perform(get("/app/requests").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("No requests waiting")));
	}

	private UUID onlyRequest() {
		return jdbc.sql("select request_id from appointment_request where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(UUID.class)
			.single();
	}

	private long count(String sql) {
		return jdbc.sql(sql).param("p", practice.practice().id().value()).query(Long.class).single();
	}

	private List<String> outboxTo(String email) {
		return jdbc.sql("select body from outbox_message where practice_id = :p and recipient = :r")
			.param("p", practice.practice().id().value())
			.param("r", email)
			.query(String.class)
			.list();
	}

}
