package care.rapport.identity;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Invitations travel by real SMTP (GreenMail) through the outbox, and a link works once, for 72 hours. */
@IntegrationTest
@AutoConfigureMockMvc
class InvitationIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("rapport.mail.send-interval", () -> "PT0.2S");
		// With a mail server the outbox page is off, as in production; founders then confirm by e-mail.
		registry.add("rapport.mail.outbox-page", () -> "false");
	}

	private static final Pattern LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	String email;

	@BeforeEach
	void setUp() {
		practice = TestPractice.create(context);
		email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
	}

	@Test
	void anInvitedClientSetsAPasswordOnceAndIsLinkedToTheirRecord() throws Exception {
		mvc.perform(post("/app/clients").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("displayName", "Robin Invited")
			.param("email", email)
			.param("therapistId", practice.user(practice.therapistAEmail()).id().toString()))
			.andExpect(status().is3xxRedirection());

		String token = tokenFromMailTo(email);
		mvc.perform(get("/invitations/" + token)).andExpect(content().string(containsString("Robin Invited")));

		mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "password1234")
			.param("confirmation", "password1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("too common")));
		mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "quiet river lantern")
			.param("confirmation", "quiet river lanterns"))
			.andExpect(content().string(containsString("not the same")));
		assertThat(context.getBean(Accounts.class).exists(email)).isFalse();

		mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "quiet river lantern")
			.param("confirmation", "quiet river lantern"))
			.andExpect(redirectedUrl("/login?welcome"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql("""
					select count(*) from client c join user_account u on u.user_id = c.user_id
					where u.email = :e""").param("e", email).query(Long.class).single()).isEqualTo(1));

		mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "another fine password")
			.param("confirmation", "another fine password"))
			.andExpect(content().string(containsString("already used")));
		assertThat(jdbc.sql("select count(*) from user_account where email = :e").param("e", email)
			.query(Long.class).single()).isEqualTo(1);
		mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "quiet river lantern"))
			.andExpect(redirectedUrl("/me"));
	}

	@Test
	void anExpiredLinkSaysSoAndSendsAFreshOneToTheInvitedAddress() throws Exception {
		var admin = practice.user(practice.adminEmail());
		context.getBean(Invitations.class)
			.invite(practice.practice().id(), email, "Casey Colleague", Role.THERAPIST, null, admin.actor());
		String token = tokenFromMailTo(email);
		jdbc.sql("update invitation set expires_at = now() - interval '1 minute' where email = :e")
			.param("e", email)
			.update();

		mvc.perform(get("/invitations/" + token)).andExpect(content().string(containsString("has expired")));
		mvc.perform(post("/invitations/" + token).with(csrf()).param("password", "quiet river lantern")
			.param("confirmation", "quiet river lantern"))
			.andExpect(content().string(containsString("has expired")));
		assertThat(context.getBean(Accounts.class).exists(email)).isFalse();

		mvc.perform(post("/invitations/" + token + "/renew").with(csrf()))
			.andExpect(content().string(containsString("Check your e-mail")));
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email) == 2);
		String fresh = tokenFromMailTo(email);
		assertThat(fresh).isNotEqualTo(token);
		mvc.perform(get("/invitations/" + fresh)).andExpect(content().string(containsString("Casey Colleague")));
	}

	@Test
	void invitationEmailsCarryNoClinicalContentAndGoThroughTheOutbox() throws Exception {
		var therapist = practice.user(practice.therapistAEmail());
		context.getBean(Invitations.class)
			.invite(practice.practice().id(), email, "Sam Private", Role.CLIENT, null, therapist.actor());
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email) == 1);
		// The outbox marks a message sent just after the server took it: wait for that mark too.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql("select sent_at is not null from outbox_message where recipient = :e")
				.param("e", email)
				.query(Boolean.class)
				.single()).isTrue());
		String body = GreenMailUtil.getBody(lastMessageTo(email));
		assertThat(body).contains("invited you").doesNotContainIgnoringCase("diagnos").doesNotContainIgnoringCase("session");
	}

	@Test
	void aFounderConfirmsTheirAddressByEmailBeforeTheyCanSignIn() throws Exception {
		mvc.perform(post("/signup").with(csrf())
			.param("practiceName", "Confirmed Practice " + email)
			.param("timeZone", "America/Vancouver")
			.param("jurisdiction", "British Columbia, Canada")
			.param("displayName", "Avery Founder")
			.param("email", email)
			.param("password", "quiet river lantern")
			.param("alsoTherapist", "true"))
			.andExpect(content().string(containsString("Check your e-mail to continue")))
			.andExpect(content().string(containsString("Open the link in it to confirm your address")));
		mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "quiet river lantern"))
			.andExpect(redirectedUrl("/login?error"));

		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email) == 1);
		Matcher link = Pattern.compile("/signup/confirm/([A-Za-z0-9_-]{20,})")
			.matcher(GreenMailUtil.getBody(lastMessageTo(email)).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		mvc.perform(get("/signup/confirm/" + link.group(1))).andExpect(status().isOk());
		mvc.perform(post("/signup/confirm/" + link.group(1)).with(csrf())).andExpect(redirectedUrl("/login?created"));
		mvc.perform(post("/signup/confirm/" + link.group(1)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "quiet river lantern"))
			.andExpect(redirectedUrl("/login/mfa/setup"));
	}

	@Test
	void theOutboxPageIsOffWhenAMailServerIsSet() throws Exception {
		mvc.perform(get("/app/outbox").with(practice.as(practice.therapistAEmail()))).andExpect(status().isNotFound());
	}

	private String tokenFromMailTo(String recipient) {
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(recipient) > 0);
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(lastMessageTo(recipient)).replace("=\r\n", ""));
		assertThat(matcher.find()).as("an invitation link in the e-mail").isTrue();
		return matcher.group(1);
	}

	private long messagesTo(String recipient) {
		return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, recipient)).count();
	}

	private MimeMessage lastMessageTo(String recipient) {
		var messages = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> sentTo(m, recipient)).toList();
		return messages.get(messages.size() - 1);
	}

	private static boolean sentTo(MimeMessage message, String recipient) {
		try {
			return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

}
