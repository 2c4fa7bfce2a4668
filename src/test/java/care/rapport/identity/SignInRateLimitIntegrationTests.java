package care.rapport.identity;

import care.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One network address may post to the sign-in form only so often, whichever accounts it tries. */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "rapport.security.sign-in-attempts-per-minute=3")
class SignInRateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void tooManySignInPostsFromOneAddressAreAskedToWait() throws Exception {
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/login").with(csrf()).param("email", "n" + i + "@rate.example").param("password", "x"))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/login").with(csrf()).param("email", "n4@rate.example").param("password", "x"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("wait a minute")));
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

}
