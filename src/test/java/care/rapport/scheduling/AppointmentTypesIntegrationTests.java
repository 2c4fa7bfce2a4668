package care.rapport.scheduling;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

@IntegrationTest
@AutoConfigureMockMvc
class AppointmentTypesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aKindOfSessionSetsTheLengthOfABooking() throws Exception {
		var practice = TestPractice.create(context);
		mvc.perform(post("/app/appointment-types").with(csrf()).with(practice.as(practice.adminEmail()))
			.param("name", "Intake").param("minutes", "75")).andExpect(redirectedUrl("/app/appointment-types"));
		mvc.perform(post("/app/appointment-types").with(csrf()).with(practice.as(practice.adminEmail()))
			.param("name", "intake").param("minutes", "60"))
			.andExpect(content().string(containsString("already a kind of session with that name")));
		var intake = context.getBean(AppointmentTypes.class).active(practice.practice().id()).get(0);

		LocalDate day = LocalDate.now(ZoneId.of("America/Vancouver")).plusDays(9);
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/appointments").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("date", day.toString()).param("time", "11:00").param("minutes", "50")
			.param("type", intake.id().toString()))
			.andExpect(redirectedUrlPattern("/app/clients/" + practice.clientOfA() + "/sessions#session-*"));
		assertThat(jdbc.sql("select extract(epoch from ends_at - starts_at) / 60 from appointment where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(Integer.class)
			.single()).isEqualTo(75);
	}

}
