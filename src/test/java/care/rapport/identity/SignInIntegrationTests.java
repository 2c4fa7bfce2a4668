package care.rapport.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.internal.LoginAttempts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class SignInIntegrationTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	@BeforeEach
	void newPractice() {
		practice = TestPractice.create(context);
	}

	@Test
	void staffMustGiveASecondFactorBeforeReachingAnyStaffPage() throws Exception {
		enrolDemoSecret(practice.therapistAEmail());
		MockHttpSession session = password(practice.therapistAEmail(), practice.password(), "/login/mfa");

		mvc.perform(get("/app").session(session)).andExpect(redirectedUrl("/login/mfa"));
		mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", wrongCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That code didn")));
		mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", Totp.code(Totp.DEMO_STAFF_SECRET)))
			.andExpect(redirectedUrl("/app"));
		mvc.perform(get("/app").session(session)).andExpect(status().isOk());
		assertThat(session.getMaxInactiveInterval()).isEqualTo(15 * 60);
		assertThat(auditActions(practice.therapistAEmail())).contains("MFA_FAILED", "SIGN_IN_SUCCEEDED");
	}

	@Test
	void aVerificationCodeWorksOnlyOnce() throws Exception {
		enrolDemoSecret(practice.supervisorEmail());
		String code = Totp.code(Totp.DEMO_STAFF_SECRET);
		MockHttpSession first = password(practice.supervisorEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa").session(first).with(csrf()).param("code", code)).andExpect(redirectedUrl("/app"));

		MockHttpSession replay = password(practice.supervisorEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa").session(replay).with(csrf()).param("code", code))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("already used")));
		mvc.perform(get("/app").session(replay)).andExpect(redirectedUrl("/login/mfa"));
	}

	@Test
	void aRecoveryCodeSignsInOnceInsteadOfTheAppCode() throws Exception {
		var user = practice.user(practice.supervisorEmail());
		enrolDemoSecret(practice.supervisorEmail());
		var codes = context.getBean(care.rapport.identity.internal.TwoFactor.class).newRecoveryCodes(user.id());

		MockHttpSession session = password(practice.supervisorEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa/recovery").session(session).with(csrf()).param("recoveryCode", codes.get(0)))
			.andExpect(redirectedUrl("/app"));
		MockHttpSession again = password(practice.supervisorEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa/recovery").session(again).with(csrf()).param("recoveryCode", codes.get(0)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not valid or was used before")));
		assertThat(auditActions(practice.supervisorEmail())).contains("RECOVERY_CODE_USED");
	}

	@Test
	void staffWithoutAnAuthenticatorAreSentToSetOneUp() throws Exception {
		password(practice.therapistBEmail(), practice.password(), "/login/mfa/setup");
	}

	@Test
	void clientsWithoutAnAuthenticatorSignInWithTheirPasswordAndGetALongerIdleTimeout() throws Exception {
		MockHttpSession session = password(practice.clientAEmail(), practice.password(), "/me");
		assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
		mvc.perform(get("/app").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() throws Exception {
		password(practice.therapistAEmail(), "not the right password", "/login?error");
		password("nobody-" + UUID.randomUUID() + "@test.example", "not the right password", "/login?error");
		assertThat(auditActions(practice.therapistAEmail())).contains("SIGN_IN_FAILED");
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
		for (int i = 1; i < LoginAttempts.MAX_FAILURES; i++) {
			password(practice.clientAEmail(), "wrong password " + i, "/login?error");
		}
		password(practice.clientAEmail(), "wrong password 5", "/login?locked");
		password(practice.clientAEmail(), practice.password(), "/login?locked");

		Long minutes = jdbc.sql("""
				select round(extract(epoch from locked_until - now()) / 60) from login_attempt where email = :e""")
			.param("e", practice.clientAEmail())
			.query(Long.class)
			.single();
		assertThat(minutes).isBetween(14L, 15L);
		assertThat(auditActions(practice.clientAEmail())).contains("SIGN_IN_LOCKED");
	}

	@Test
	void unknownAccountsLockJustLikeRealOnesSoLockingRevealsNothing() throws Exception {
		String unknown = "nobody-" + UUID.randomUUID() + "@test.example";
		for (int i = 1; i < LoginAttempts.MAX_FAILURES; i++) {
			password(unknown, "wrong password " + i, "/login?error");
		}
		password(unknown, "wrong password 5", "/login?locked");
		assertThat(jdbc.sql("select count(*) from security_event where detail like :d")
			.param("d", "%" + unknown + "%")
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefusedWithAnExplanation() throws Exception {
		// Over real HTTP, so the servlet container renders the explanation page.
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Referer", "https://elsewhere.example/login")
				.POST(BodyPublishers.ofString("email=" + practice.clientAEmail() + "&password=x"))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("This form has expired").contains("It was not sent")
			.as("no way back to another site's page").doesNotContain("return-to-form");
		var fromOurPage = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me/goals"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Referer", "http://localhost:" + port + "/me/goals?tab=1")
				.POST(BodyPublishers.ofString("text=Walk"))
				.build(), BodyHandlers.ofString());
		assertThat(fromOurPage.body()).contains("href=\"/me/goals?tab=1\"").contains("id=\"return-to-form\"");

		int clientsBefore = clientCount();
		mvc.perform(post("/app/clients").with(practice.as(practice.therapistAEmail()))
			.param("displayName", "Forged")
			.param("email", "forged@test.example")).andExpect(status().isForbidden());
		assertThat(clientCount()).isEqualTo(clientsBefore);
	}

	private int clientCount() {
		return jdbc.sql("select count(*) from client where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single();
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
							org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf())
			.param("email", practice.clientAEmail())
			.param("password", practice.password())).andReturn();
		// MockMvc has no servlet container cookie; the container's settings are checked instead.
		var cookie = context.getEnvironment();
		assertThat(cookie.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
		assertThat(cookie.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
		assertThat(cookie.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/me");
	}

	private MockHttpSession password(String email, String password, String expectedRedirect) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").with(csrf()).param("email", email).param("password", password))
			.andExpect(redirectedUrl(expectedRedirect))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	private void enrolDemoSecret(String email) {
		context.getBean(Accounts.class).presetAuthenticator(practice.user(email).id(), Totp.DEMO_STAFF_SECRET);
	}

	private static String wrongCode() {
		String right = Totp.code(Totp.DEMO_STAFF_SECRET);
		return right.equals("000000") ? "111111" : "000000";
	}

	private java.util.List<String> auditActions(String email) {
		return jdbc.sql("""
				select action from audit_event where practice_id = :p and (actor_name = :e or actor_id =
				    (select user_id from user_account where email = :e)) order by seq""")
			.param("p", practice.practice().id().value())
			.param("e", email)
			.query(String.class)
			.list();
	}

}
