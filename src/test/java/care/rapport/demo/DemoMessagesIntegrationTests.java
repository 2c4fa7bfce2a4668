package care.rapport.demo;

import care.rapport.IntegrationTest;
import care.rapport.identity.RapportUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's message thread: Alex Rivera consented to messaging and writes with Sam Okafor, who
 * set a usual reply time; Alex's latest message waits unread in Sam's inbox. Sam's thread is not
 * opened here, so the demo keeps its unread message for the next test and for people trying it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoMessagesIntegrationTests {

	private static final String SAM = "therapist@fraservalley.example";

	private static final String ALEX = "alex.rivera@client.fraservalley.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void alexSeesAWarmThreadWithSamsReplyTimeAndTheSleepDiary() throws Exception {
		mvc.perform(get("/me/messages").with(as(ALEX)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sam Okafor usually replies within 2 working days.")))
			.andExpect(content().string(containsString("Let&#39;s look at it together")))
			.andExpect(content().string(containsString("sleep diary.pdf")))
			.andExpect(content().string(containsString("id=\"compose\"")))
			.andExpect(content().string(not(containsString("Messaging needs your consent"))));
	}

	@Test
	void samHasAlexsLatestMessageUnreadInTheMenuAndTheInbox() throws Exception {
		mvc.perform(get("/app").with(as(SAM)))
			.andExpect(content().string(containsString("Messages (<span>1</span>")));
		mvc.perform(get("/app/messages").with(as(SAM)))
			.andExpect(content().string(containsString("Alex Rivera")))
			.andExpect(content().string(containsString("1 unread")))
			.andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">")));
	}

	@Test
	void theSleepDiaryIsAPdfThatOpens() {
		byte[] pdf = DemoMessages.sleepDiary();
		String text = new String(pdf, java.nio.charset.StandardCharsets.US_ASCII);

		assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n").contains("(Sleep diary - Alex Rivera) Tj");
		int xref = Integer.parseInt(text.substring(text.indexOf("startxref\n") + 10, text.indexOf("\n%%EOF")));
		assertThat(text.substring(xref)).startsWith("xref\n0 6\n");
		// Each object's recorded offset points at that object.
		for (int object = 1; object <= 5; object++) {
			String entry = text.substring(xref).split("\n")[2 + object];
			int offset = Integer.parseInt(entry.substring(0, 10));
			assertThat(text.substring(offset)).startsWith(object + " 0 obj");
		}
	}

	private RequestPostProcessor as(String email) {
		RapportUser user = (RapportUser) users.loadUserByUsername(email);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
