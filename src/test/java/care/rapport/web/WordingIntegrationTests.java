package care.rapport.web;

import java.util.UUID;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.identity.RapportUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Words people read: no internal codes, no repeated numbers, headings that say whose figures these are. */
@IntegrationTest
@AutoConfigureMockMvc
class WordingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void outcomesNameTheTherapistsClientsOnceAndThePracticeOnceEvenWhenTheFiguresAreEqual() throws Exception {
		// A new practice: the therapist's figures and the practice's are the same (none yet), as for
		// someone practising alone.
		TestPractice practice = TestPractice.create(context);

		String page = mvc.perform(get("/app/outcomes").with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(occurrences(page, ">Your clients</h2>")).isOne();
		assertThat(occurrences(page, ">The whole practice</h2>")).isOne();
	}

	@Test
	void theProgressPageNamesTheSessionCheckInAndShowsAScoreOnlyWhereItAddsToTheAnswer() throws Exception {
		UUID alex = jdbc.sql("select client_id from client where email = 'alex.rivera@client.fraservalley.example'")
			.query(UUID.class)
			.single();

		String page = mvc.perform(get("/app/clients/" + alex + "/progress").with(as("therapist@fraservalley.example")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Session check-in").doesNotContain(">CHECK-IN<").doesNotContain("CHECK-IN, session");
		assertThat(Pattern.compile("<span>(\\d+)</span> \\(<span>\\1</span>\\)").matcher(page).find())
			.as("an answer followed by the same number in brackets, such as \"9 (9)\"")
			.isFalse();
		// Where the answer is words, its score still follows it.
		assertThat(Pattern.compile("<span>[A-Za-z][^<]*</span> \\(<span>\\d+</span>\\)").matcher(page).find()).isTrue();
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private RequestPostProcessor as(String email) {
		RapportUser user = (RapportUser) users.loadUserByUsername(email);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
