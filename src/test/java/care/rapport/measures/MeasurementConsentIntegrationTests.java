package care.rapport.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.identity.RapportUser;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Measurement follows the client's consent to check-ins exactly as messaging follows its own:
 * nothing is asked before they sign, signing starts the plan, withdrawing stops it at once.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MeasurementConsentIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Administrations administrations;

	@Autowired
	Appointments appointments;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClientWhoSignedNothingIsAskedNothingAndTheCareTeamSeesWhy() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		AppointmentId session = bookInAnHour(practice);

		assertThat(due(practice)).isEmpty();
		assertThat(administrationsOf(practice)).isZero();
		mvc.perform(get("/me/measures").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Check-ins start once you agree to them")))
			.andExpect(content().string(not(containsString("PHQ-9"))));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/progress").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("have not signed consent to check-ins and feedback")));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/plan").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("have not signed consent to check-ins and feedback")));
		mvc.perform(paperPhq9(practice)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("Paper answers can&#39;t be recorded until then")));
		takesPlace(session);
		appointments.attend(practice.practice().id(), session);
		assertThat(administrationsOf(practice)).as("no check-in after the session either").isZero();
	}

	@Test
	void signingTheMeasurementConsentStartsThePlanForSessionsAlreadyBooked() {
		var practice = TestPractice.createWithoutConsents(context);
		bookInAnHour(practice);
		assertThat(due(practice)).isEmpty();

		RapportUser client = practice.user(practice.clientAEmail());
		consents.sign(client, consents.current(practice.practice().id(), ConsentKind.MEASUREMENT).id(),
				client.displayName());

		assertThat(due(practice)).extracting(Administration::instrumentCode).containsExactlyInAnyOrder("PHQ-9", "GAD-7");
		consents.sign(client, consents.current(practice.practice().id(), ConsentKind.MEASUREMENT).id(),
				client.displayName());
		assertThat(due(practice)).as("signing twice asks once").hasSize(2);
	}

	@Test
	void withdrawingStopsTheAskingClosesLinksAndRefusesPaperAnswers() throws Exception {
		var practice = TestPractice.create(context);
		AppointmentId session = bookInAnHour(practice);
		var phq9 = due(practice).stream().filter(a -> a.instrumentCode().equals("PHQ-9")).findFirst().orElseThrow();
		String token = administrations.issueLink(practice.practice().id(), practice.clientOfA(), phq9.id());
		mvc.perform(get("/respond/" + token)).andExpect(status().isOk());

		mvc.perform(post("/me/consent/MEASUREMENT/withdraw").with(csrf()).with(practice.as(practice.clientAEmail())))
			.andExpect(status().is3xxRedirection());

		assertThat(due(practice)).isEmpty();
		mvc.perform(get("/respond/" + token)).andExpect(status().isNotFound());
		mvc.perform(get("/me/measures/" + phq9.id()).with(practice.as(practice.clientAEmail())))
			.andExpect(status().is3xxRedirection());
		mvc.perform(paperPhq9(practice)).andExpect(status().isConflict());
		long before = administrationsOf(practice);
		takesPlace(session);
		appointments.attend(practice.practice().id(), session);
		assertThat(administrationsOf(practice)).as("no check-in after the session").isEqualTo(before);
	}

	/** Moves the session an hour and a half back, so it has begun and may be attended. */
	private void takesPlace(AppointmentId session) {
		jdbc.sql("""
				update appointment set starts_at = starts_at - interval '90 minutes', ends_at = ends_at - interval '90 minutes'
				where appointment_id = :a""")
			.param("a", session.value())
			.update();
	}

	private AppointmentId bookInAnHour(TestPractice practice) {
		return appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().plus(Duration.ofHours(1)),
				Duration.ofMinutes(50));
	}

	private List<Administration> due(TestPractice practice) {
		return administrations.due(practice.practice().id(), practice.clientOfA());
	}

	private long administrationsOf(TestPractice practice) {
		return jdbc.sql("select count(*) from administration where practice_id = :p and client_id = :c")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(Long.class)
			.single();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder paperPhq9(TestPractice practice) {
		var request = post("/app/clients/" + practice.clientOfA() + "/paper/PHQ-9").with(csrf())
			.with(practice.as(practice.therapistAEmail()));
		for (int i = 1; i <= 9; i++) {
			request.param("item.q" + i, "1");
		}
		return request;
	}

}
