package care.rapport.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The database keeps a therapist out of two sessions at once, even when two people book at the same moment. */
@IntegrationTest
@AutoConfigureMockMvc
class DoubleBookingIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void twoSimultaneousBookingsOfOneSlotGiveOneBookingAndOneRefusal() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var clients = context.getBean(care.rapport.clients.Clients.class);
		var second = clients.insert(practice.practice().id(), "Second client", "second@test.example", therapist);
		Instant slot = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		List<Future<Boolean>> results = new ArrayList<>();
		for (var client : List.of(practice.clientOfA(), second)) {
			Callable<Boolean> booking = () -> {
				start.await();
				try {
					appointments.book(practice.practice().id(), client, therapist, slot, Duration.ofMinutes(50));
					return true;
				}
				catch (SlotTakenException ex) {
					return false;
				}
			};
			results.add(pool.submit(booking));
		}
		start.countDown();
		int booked = 0;
		for (Future<Boolean> result : results) {
			booked += result.get() ? 1 : 0;
		}
		pool.shutdown();

		assertThat(booked).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from appointment where practice_id = :p").param("p", practice.practice().id().value())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anOverlappingBookingIsRefusedButBackToBackAndOtherTherapistsAreFine() {
		var practice = TestPractice.create(context);
		var a = practice.user(practice.therapistAEmail()).id();
		var b = practice.user(practice.therapistBEmail()).id();
		Instant nine = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
		appointments.book(practice.practice().id(), practice.clientOfA(), a, nine, Duration.ofMinutes(50));

		assertThatThrownBy(() -> appointments.book(practice.practice().id(), practice.clientOfA(), a,
				nine.plus(Duration.ofMinutes(30)), Duration.ofMinutes(50))).isInstanceOf(SlotTakenException.class);
		appointments.book(practice.practice().id(), practice.clientOfA(), a, nine.plus(Duration.ofMinutes(50)),
				Duration.ofMinutes(50));
		appointments.book(practice.practice().id(), practice.clientOfB(), b, nine, Duration.ofMinutes(50));
	}

	@Test
	void aWeeklySeriesBooksEachFreeWeekAndNamesTheTakenOnes() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var zone = java.time.ZoneId.of("America/Vancouver");
		var first = java.time.LocalDate.now(zone).plusDays(14);
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				first.plusWeeks(2).atTime(9, 0).atZone(zone).toInstant(), Duration.ofMinutes(50));

		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/appointments").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("date", first.toString()).param("time", "09:00").param("minutes", "50")
			.param("repeat", "WEEKLY").param("count", "4"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", containsString("3 sessions booked. Not booked")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", containsString(first.plusWeeks(2).toString())));
		assertThat(jdbc.sql("select count(*) from appointment where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void theBookingFormSaysWhyAndKeepsWhatWasTyped() throws Exception {
		var practice = TestPractice.create(context);
		var url = "/app/clients/" + practice.clientOfA() + "/appointments";
		mvc.perform(post(url).with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("date", "2020-01-06").param("time", "10:00").param("minutes", "50"))
			.andExpect(content().string(containsString("That time has passed")))
			.andExpect(content().string(containsString("2020-01-06")));
		String date = java.time.LocalDate.now().plusDays(10).toString();
		mvc.perform(post(url).with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("date", date).param("time", "10:00").param("minutes", "50"));
		mvc.perform(post(url).with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("date", date).param("time", "10:30").param("minutes", "50"))
			.andExpect(content().string(containsString("already has a session at that time")));
	}

}
