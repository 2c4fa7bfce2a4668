package care.rapport.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.scheduling.AttendanceRefused.Code;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Attendance through the sessions page and the API: each change happens once, and only when it may. */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AttendanceIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Vancouver");

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void savingAttendedTwicePublishesOnceAndLeavesOneCheckInDue() throws Exception {
		var practice = TestPractice.create(context);
		var session = appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().minus(Duration.ofMinutes(30)),
				Duration.ofMinutes(50));
		String attend = "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/attend";
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post(attend).with(csrf()).with(staff))
			.andExpect(redirectedUrl("/app/clients/" + practice.clientOfA() + "/sessions#session-" + session))
			.andExpect(flash().attribute("notice", "Recorded: attended (session 1)."));
		mvc.perform(post(attend).with(csrf()).with(staff))
			.andExpect(flash().attribute("rowError", containsString("recorded as attended")));
		assertThatThrownBy(() -> appointments.attend(practice.practice().id(), session))
			.isInstanceOfSatisfying(AttendanceRefused.class, ex -> assertThat(ex.reason()).isEqualTo(Code.ALREADY_ATTENDED));

		assertThat(events.stream(AppointmentAttended.class).filter(e -> e.appointmentId().equals(session)))
			.singleElement()
			.satisfies(e -> assertThat(e.sessionNumber()).isEqualTo(1));
		assertThat(jdbc.sql("""
				select status from administration where appointment_id = :a and instrument_code = 'CHECK-IN'""")
			.param("a", session.value())
			.query(String.class)
			.list()).containsExactly("DUE");
	}

	@Test
	void twoPeopleSavingAttendedAtTheSameMomentLeaveOneAttendanceAndOneCheckIn() throws Exception {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var session = appointments.book(p, practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
				Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(50));
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var attempts = java.util.stream.IntStream.range(0, 2).mapToObj(i -> pool.submit(() -> {
				start.await();
				try {
					appointments.attend(p, session);
					return "attended";
				}
				catch (AttendanceRefused ex) {
					return ex.code();
				}
			})).toList();
			start.countDown();
			var outcomes = new java.util.ArrayList<String>();
			for (var attempt : attempts) {
				outcomes.add(attempt.get(30, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(outcomes).containsOnlyOnce("attended");
			assertThat(outcomes).filteredOn(o -> !o.equals("attended"))
				.allMatch(o -> o.equals("CHANGED_MEANWHILE") || o.equals("ALREADY_ATTENDED"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("""
				select count(*) from administration where appointment_id = :a and instrument_code = 'CHECK-IN'""")
			.param("a", session.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(appointments.find(p, session).orElseThrow().sessionNumber()).isEqualTo(1);
	}

	@Test
	void aSessionCannotBeAttendedBeforeItStartsAndThePageOffersOnlyWhatIsPossible() throws Exception {
		var practice = TestPractice.create(context);
		var therapist = practice.user(practice.therapistAEmail()).id();
		var future = appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				Instant.now().plus(Duration.ofDays(1)), Duration.ofMinutes(50));
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/appointments/" + future + "/attend").with(csrf())
			.with(staff)).andExpect(flash().attribute("rowError", containsString("has not started yet")));
		assertThat(appointments.find(practice.practice().id(), future).orElseThrow().attendance())
			.isEqualTo(Attendance.SCHEDULED);
		String page = mvc.perform(get("/app/clients/" + practice.clientOfA() + "/sessions").with(staff))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(future + "/attend", future + "/no-show", future + "/reinstate")
			.contains(future + "/cancel", future + "/late-cancel");
	}

	@Test
	void sessionNumbersAreKeptWhenAnEarlierSessionIsRecordedAfterTheFact() {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var therapist = practice.user(practice.therapistAEmail()).id();
		var first = appointments.book(p, practice.clientOfA(), therapist, Instant.now().minus(Duration.ofDays(14)),
				Duration.ofMinutes(50));
		var second = appointments.book(p, practice.clientOfA(), therapist, Instant.now().minus(Duration.ofDays(7)),
				Duration.ofMinutes(50));
		appointments.attend(p, first);
		appointments.attend(p, second);
		var forgotten = appointments.book(p, practice.clientOfA(), therapist, Instant.now().minus(Duration.ofDays(10)),
				Duration.ofMinutes(50));
		appointments.attend(p, forgotten);

		assertThat(appointments.find(p, first).orElseThrow().sessionNumber()).isEqualTo(1);
		assertThat(appointments.find(p, second).orElseThrow().sessionNumber()).isEqualTo(2);
		assertThat(appointments.find(p, forgotten).orElseThrow().sessionNumber()).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from administration a join appointment ap on ap.appointment_id = a.appointment_id
				where ap.appointment_id = :a and a.instrument_code = 'CHECK-IN'""")
			.param("a", second.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aNoShowCanBeReinstatedAndThenAttended() throws Exception {
		var practice = TestPractice.create(context);
		var session = appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().minus(Duration.ofHours(2)),
				Duration.ofMinutes(50));
		String base = "/app/clients/" + practice.clientOfA() + "/appointments/" + session;
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post(base + "/no-show").with(csrf()).with(staff))
			.andExpect(flash().attribute("notice", containsString("Recorded: no-show")));
		mvc.perform(post(base + "/attend").with(csrf()).with(staff))
			.andExpect(flash().attribute("rowError", containsString("reinstate it first")));
		mvc.perform(post(base + "/reinstate").with(csrf()).with(staff))
			.andExpect(flash().attribute("notice", containsString("reinstated")));
		mvc.perform(post(base + "/attend").with(csrf()).with(staff))
			.andExpect(flash().attribute("notice", "Recorded: attended (session 1)."));
		assertThat(events.stream(AppointmentAttended.class).filter(e -> e.appointmentId().equals(session))).hasSize(1);
	}

	@Test
	void aLateCancellationNeedsAReasonAndKeepsWhatWasTyped() throws Exception {
		var practice = TestPractice.create(context);
		var session = appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().plus(Duration.ofHours(3)),
				Duration.ofMinutes(50));
		String url = "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/late-cancel";
		var staff = practice.as(practice.therapistAEmail());

		mvc.perform(post(url).with(csrf()).with(staff).param("reason", " "))
			.andExpect(flash().attribute("rowError", containsString("why")));
		mvc.perform(post(url).with(csrf()).with(staff).param("reason", "Child sick"))
			.andExpect(flash().attribute("notice", containsString("late cancellation")));
		var after = appointments.find(practice.practice().id(), session).orElseThrow();
		assertThat(after.attendance()).isEqualTo(Attendance.LATE_CANCELLED);
		assertThat(after.cancelReason()).isEqualTo("Child sick");
	}

	@Test
	void staffAddAPastSessionAndBookOutsideAvailabilityWithAReasonErrorsShownAtTheFormKeepingWhatWasTyped()
			throws Exception {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var therapist = practice.user(practice.therapistAEmail()).id();
		context.getBean(Availability.class)
			.addWindow(p, therapist, new Availability.Window(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
		String book = "/app/clients/" + practice.clientOfA() + "/appointments";
		var staff = practice.as(practice.therapistAEmail());
		LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);

		mvc.perform(post(book).with(csrf()).with(staff).param("date", yesterday.toString()).param("time", "18:15")
			.param("minutes", "45"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Already took place")))
			.andExpect(content().string(containsString("id=\"booking-error\"")))
			.andExpect(content().string(containsString("value=\"18:15\"")))
			.andExpect(content().string(containsString("value=\"45\"")))
			.andExpect(content().string(containsString("/appointments#book")));

		LocalDate saturday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		mvc.perform(post(book).with(csrf()).with(staff).param("date", saturday.toString()).param("time", "10:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("To book it anyway, say why")));
		mvc.perform(post(book).with(csrf()).with(staff).param("date", saturday.toString()).param("time", "10:00")
			.param("outsideReason", "Urgent: crisis follow-up"))
			.andExpect(status().is3xxRedirection());
		var urgent = jdbc.sql("select appointment_id from appointment where client_id = :c and starts_at > now()")
			.param("c", practice.clientOfA().value())
			.query(UUID.class)
			.single();
		assertThat(appointments.find(p, new AppointmentId(urgent)).orElseThrow().outsideAvailabilityReason())
			.isEqualTo("Urgent: crisis follow-up");

		mvc.perform(post(book).with(csrf()).with(staff).param("date", yesterday.toString()).param("time", "18:15")
			.param("past", "true").param("outsideReason", "Evening session"))
			.andExpect(status().is3xxRedirection());
		var past = jdbc.sql("select appointment_id from appointment where client_id = :c and starts_at < now()")
			.param("c", practice.clientOfA().value())
			.query(UUID.class)
			.single();
		mvc.perform(post(book + "/" + past + "/attend").with(csrf()).with(staff))
			.andExpect(flash().attribute("notice", "Recorded: attended (session 1)."));
		assertThat(jdbc.sql("select instrument_code || ' ' || status from administration where appointment_id = :a")
			.param("a", past)
			.query(String.class)
			.list()).as("nothing was due before a session recorded after it; its check-in is due now")
			.containsExactly("CHECK-IN DUE");
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/sessions").with(staff))
			.andExpect(content().string(not(containsString(past + "/attend"))));
	}

	@Test
	void reasonsAreStoredEncryptedNeverAsPlaintext() throws Exception {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var therapist = practice.user(practice.therapistAEmail()).id();
		var session = appointments.book(p, practice.clientOfA(), therapist, Instant.now().plus(Duration.ofDays(2)),
				Duration.ofMinutes(50));
		appointments.cancel(p, session, "Panic attack at work");
		context.getBean(Availability.class).addDayOff(p, therapist, LocalDate.now(ZONE).plusDays(9), "Own therapy appointment");
		var urgent = appointments.book(p, practice.clientOfA(), therapist, Instant.now().plus(Duration.ofDays(3)),
				Duration.ofMinutes(50), null, "Suicidal thoughts reported");
		UUID request = UUID.randomUUID();
		jdbc.sql("""
				insert into appointment_request (practice_id, request_id, client_id, therapist_id, starts_at, minutes,
				    request_key, created_at)
				values (:p, :id, :c, :t, now() + interval '5 days', 50, :key, now())""")
			.param("p", p.value())
			.param("id", request)
			.param("c", practice.clientOfA().value())
			.param("t", therapist.value())
			.param("key", UUID.randomUUID())
			.update();
		var requests = context.getBean(AppointmentRequests.class);
		requests.decline(practice.user(practice.therapistAEmail()),
				requests.decidable(practice.user(practice.therapistAEmail()), request).orElseThrow(), "Hospital stay that week");

		for (String secret : new String[] { "Panic attack", "Own therapy", "Suicidal thoughts", "Hospital stay" }) {
			assertThat(rowsContaining(secret)).as(secret).isZero();
		}
		assertThat(appointments.find(p, session).orElseThrow().cancelReason()).isEqualTo("Panic attack at work");
		String sessions = "/app/clients/" + practice.clientOfA() + "/sessions";
		mvc.perform(get(sessions).with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Panic attack at work")))
			.andExpect(content().string(containsString("Suicidal thoughts reported")));
		mvc.perform(get(sessions).with(practice.as(practice.adminEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Panic attack"))))
			.andExpect(content().string(not(containsString("Suicidal thoughts"))))
			.andExpect(content().string(containsString("reason kept for the care team")));
		assertThat(appointments.find(p, urgent).orElseThrow().outsideAvailabilityReason()).isEqualTo("Suicidal thoughts reported");
		assertThat(context.getBean(Availability.class).daysOff(p, therapist, LocalDate.now(ZONE)))
			.extracting(Availability.DayOff::reason)
			.contains("Own therapy appointment");
		assertThat(requests.ofClient(p, practice.clientOfA())).extracting(AppointmentRequest::declineReason)
			.contains("Hospital stay that week");
	}

	@Test
	void reasonsStoredInPlaintextBeforeThisVersionAreEncryptedAtStartUp() throws Exception {
		var practice = TestPractice.create(context);
		var p = practice.practice().id();
		var session = appointments.book(p, practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
				Instant.now().plus(Duration.ofDays(2)), Duration.ofMinutes(50));
		jdbc.sql("update appointment set status = 'CANCELLED', cancel_reason = 'Legacy: bereavement' where appointment_id = :a")
			.param("a", session.value())
			.update();
		assertThat(appointments.find(p, session).orElseThrow().cancelReason()).as("read before it is moved")
			.isEqualTo("Legacy: bereavement");

		context.getBean("sealedReasonsMigration", org.springframework.boot.ApplicationRunner.class)
			.run(new org.springframework.boot.DefaultApplicationArguments());

		assertThat(rowsContaining("bereavement")).isZero();
		assertThat(appointments.find(p, session).orElseThrow().cancelReason()).isEqualTo("Legacy: bereavement");
	}

	/** Rows of the scheduling tables holding this text in any column, plaintext or bytes. */
	private int rowsContaining(String text) {
		return jdbc.sql("""
				select (select count(*) from appointment t where strpos(t::text, :s) > 0
				            or strpos(encode(coalesce(t.cancel_reason_sealed, ''), 'escape'), :s) > 0
				            or strpos(encode(coalesce(t.outside_availability_reason, ''), 'escape'), :s) > 0)
				     + (select count(*) from appointment_request t where strpos(t::text, :s) > 0
				            or strpos(encode(coalesce(t.decline_reason_sealed, ''), 'escape'), :s) > 0)
				     + (select count(*) from availability_exception t where strpos(t::text, :s) > 0
				            or strpos(encode(coalesce(t.reason_sealed, ''), 'escape'), :s) > 0)""")
			.param("s", text)
			.query(Integer.class)
			.single();
	}

}
