package care.rapport.demo;

import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.identity.RapportUser;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo shows session notes at every stage: Sam Okafor's signed notes of Alex Rivera's sessions
 * (SOAP and DAP, one with an addendum), a draft, and Jordan Whitehorse's note awaiting Dr. Priya
 * Raman's co-signature.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoNotesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Practices practices;

	@Autowired
	UserDetailsService users;

	@Test
	void samHasSignedNotesAndADraftForAlexAndPriyaHasANoteToCoSign() throws Exception {
		PracticeId practice = practices.findByName(DemoPractice.NAME).orElseThrow();
		UUID alex = jdbc.sql("select client_id from client where practice_id = :p and display_name = 'Alex Rivera'")
			.param("p", practice.value())
			.query(UUID.class)
			.single();
		assertThat(jdbc.sql("""
				select template || ':' || (signed_at is not null) from progress_note
				where practice_id = :p and client_id = :c order by created_at""")
			.param("p", practice.value())
			.param("c", alex)
			.query(String.class)
			.list()).containsExactly("DAP:true", "SOAP:true", "SOAP:true", "SOAP:false");

		String sessions = page("/app/clients/" + alex + "/sessions", "therapist@fraservalley.example");
		assertThat(sessions).contains(">Signed<", ">Draft<");
		String toWrite = page("/app/notes", "therapist@fraservalley.example");
		assertThat(toWrite).contains("Alex Rivera", "Continue draft");

		String cosign = page("/app/notes/cosign", "supervisor@fraservalley.example");
		assertThat(cosign).contains("Jordan Whitehorse", "Review and co-sign");
		assertThat(page("/app/notes", "jordan@fraservalley.example")).contains("Signed, awaiting co-signature",
				"Dr. Priya Raman");
	}

	private String page(String path, String email) throws Exception {
		return mvc.perform(get(path).with(as(email))).andReturn().getResponse().getContentAsString();
	}

	private RequestPostProcessor as(String email) {
		RapportUser user = (RapportUser) users.loadUserByUsername(email);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
