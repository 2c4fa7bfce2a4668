package care.rapport.clients;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class ClientDetailsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	String url;

	@BeforeEach
	void setUp() {
		practice = TestPractice.create(context);
		url = "/app/clients/" + practice.clientOfA();
	}

	@Test
	void theCareTeamRecordsDetailsAndConcernsThatAdminsNeitherSeeNorOverwrite() throws Exception {
		mvc.perform(post(url + "/edit").with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("displayName", "Robin A")
			.param("legalName", "Robin Alexandra A")
			.param("pronouns", "she/her")
			.param("dateOfBirth", "1990-04-12")
			.param("contactPreference", "TEXT")
			.param("presentingConcerns", "Low mood since the winter; sleep trouble."))
			.andExpect(redirectedUrl(url));
		mvc.perform(get(url).with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("she/her")))
			.andExpect(content().string(containsString("Low mood since the winter")));
		mvc.perform(get(url).with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString("Robin Alexandra A")))
			.andExpect(content().string(not(containsString("Low mood"))));

		mvc.perform(post(url + "/edit").with(csrf()).with(practice.as(practice.adminEmail()))
			.param("displayName", "Robin A")
			.param("phone", "604-555-0100")
			.param("contactPreference", "PHONE")).andExpect(redirectedUrl(url));
		mvc.perform(get(url).with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("604-555-0100")))
			.andExpect(content().string(containsString("Low mood since the winter")));
		byte[] stored = jdbc.sql("select presenting_concerns from client where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Low mood");
	}

	@Test
	void aWrongDateKeepsWhatWasTypedAndSavesNothing() throws Exception {
		mvc.perform(post(url + "/edit").with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("displayName", "Changed name")
			.param("dateOfBirth", "2999-01-01")
			.param("contactPreference", "EMAIL"))
			.andExpect(content().string(containsString("must be a real date in the past")))
			.andExpect(content().string(containsString("Changed name")))
			.andExpect(content().string(containsString("2999-01-01")));
		assertThat(jdbc.sql("select display_name from client where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.single()).doesNotContain("Changed");
	}

	@Test
	void theCareTeamClosesAnEpisodeWithAReason() throws Exception {
		mvc.perform(post(url + "/episode/close").with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("reason", "COMPLETED")
			.param("summary", "Goals met; relapse plan agreed.")).andExpect(redirectedUrl(url));
		assertThat(context.getBean(Episodes.class).current(practice.practice().id(), practice.clientOfA())).isEmpty();
		assertThat(jdbc.sql("select close_reason from episode where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

	@Test
	void closingAnEpisodeWithoutAReasonKeepsTheSummaryAndSaysWhatIsMissingAtTheField() throws Exception {
		mvc.perform(post(url + "/episode/close").with(csrf()).with(practice.as(practice.therapistAEmail()))
			.param("reason", "")
			.param("summary", "Relapse plan agreed & <b>kept</b>."))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reason-error\"")))
			.andExpect(content().string(containsString("Choose why the episode ends. Nothing was changed.")))
			.andExpect(content().string(containsString("Relapse plan agreed &amp; &lt;b&gt;kept&lt;/b&gt;.")));
		assertThat(context.getBean(Episodes.class).current(practice.practice().id(), practice.clientOfA())).isPresent();
	}

	@Test
	void staffFindClientsByName() throws Exception {
		String name = practice.user(practice.clientAEmail()).displayName();
		mvc.perform(get("/app/clients").param("q", name.substring(0, 8).toLowerCase())
			.with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/app/clients").param("q", "no such name").with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString("No client's name contains")));
	}

}
