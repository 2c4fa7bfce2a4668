package care.rapport.journeys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client on their phone consents to secure messages, writes and rates a goal, and sends their
 * therapist a message with a PDF; a file over 10 MB is refused before sending with the text kept.
 * The therapist sees the unread count in the menu, opens the thread, downloads nothing by accident
 * and replies; the client sees the reply under the not-for-emergencies banner.
 */
@IntegrationTest
class MessagingJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "messaging";

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ApplicationContext spring;

	@Test
	void aClientWritesWithAFileAndTheTherapistRepliesUnderTheNotForEmergenciesBanner() {
		TestPractice practice = TestPractice.create(spring);
		spring.getBean(Accounts.class)
			.presetAuthenticator(practice.user(practice.therapistAEmail()).id(), Totp.DEMO_STAFF_SECRET);
		String clientName = practice.user(practice.clientAEmail()).displayName();

		Page client = context.newPage();
		client.setViewportSize(390, 844);
		signIn(client, practice.clientAEmail(), practice.password(), JOURNEY + "-client");
		client.waitForURL("**/me");

		visit(client, "/me/messages");
		assertThat(client.locator("#no-consent")).containsText("Messaging needs your consent");
		assertThat(client.locator("#compose")).hasCount(0);
		client.locator("#no-consent").getByRole(AriaRole.LINK).click();
		Locator messaging = client.locator("section#messaging");
		messaging.locator("input[name=typedName]").fill(clientName);
		screenshot(client, JOURNEY, "01-consent");
		messaging.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I agree and sign")).click();
		assertThat(client.locator(".notice")).containsText("Secure messages");

		visit(client, "/me/goals");
		client.locator("#goal-text").fill("Sleep by midnight on weekends");
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my goal")).click();
		Locator goal = client.locator("#active-goals article").first();
		assertThat(goal).containsText("Sleep by midnight on weekends");
		goal.locator("label.option").filter(new Locator.FilterOptions().setHasText("4")).first().click();
		goal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save rating")).click();
		assertThat(client.locator(".notice")).containsText("Rating saved");
		screenshot(client, JOURNEY, "02-goal-rated");

		client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Messages")).first().click();
		assertThat(client.locator("#not-for-emergencies")).containsText("Messages are not for emergencies");
		assertThat(client.locator("#not-for-emergencies")).containsText("9-8-8");
		client.locator("#message-text").fill("I wrote down my sleep this week, it's attached. Weekends are hard.");
		// A file over 10 MB is refused in the page before sending; what was typed stays.
		client.locator("#message-file")
			.setInputFiles(new FilePayload("scan.pdf", "application/pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1)));
		assertThat(client.locator("#file-error")).containsText("files can be up to 10 MB");
		assertThat(client.locator("#message-text")).hasValue("I wrote down my sleep this week, it's attached. Weekends are hard.");
		screenshot(client, JOURNEY, "03-file-too-large");
		client.locator("#message-file").setInputFiles(new FilePayload("sleep diary.pdf", "application/pdf", PDF));
		assertThat(client.locator("#file-error")).isEmpty();
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(client.locator(".notice")).containsText("Your message is sent");
		assertThat(client.locator("#latest")).containsText("Weekends are hard");
		assertThat(client.locator("#latest .attachment")).containsText("sleep diary.pdf");
		assertThat(client.locator("#latest")).containsText("Sent, not read yet");
		screenshot(client, JOURNEY, "04-sent");

		try (BrowserContext staffContext = newContext()) {
			Page therapist = staffContext.newPage();
			signInAsStaff(therapist, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET,
					JOURNEY + "-therapist");
			assertThat(therapist.locator("#nav-messages")).hasText("Messages (1 unread)");
			therapist.locator("#nav-messages").click();
			Locator row = therapist.locator("#inbox tbody tr").first();
			assertThat(row).containsText(clientName);
			assertThat(row).containsText("1 unread");
			screenshot(therapist, JOURNEY, "05-inbox");

			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(clientName)).click();
			assertThat(therapist.locator("#latest")).containsText("Weekends are hard");
			assertThat(therapist.locator("#latest .attachment a")).hasText("sleep diary.pdf");
			assertThat(therapist.locator("#nav-messages")).hasText("Messages");
			assertThat(therapist.locator("#not-for-emergencies")).isVisible();
			therapist.locator("#message-text").fill("Thank you for sending it. Let's look at the weekends together on Thursday.");
			therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
			assertThat(therapist.locator(".notice")).containsText("Sent");
			assertThat(therapist.locator("#latest")).containsText("Sent, not read yet");
			screenshot(therapist, JOURNEY, "06-replied");
		}

		visit(client, "/me");
		assertThat(client.locator("#nav-messages")).hasText("Messages (1 unread)");
		assertThat(client.locator("#home-messages")).isVisible();
		client.locator("#home-messages").click();
		assertThat(client.locator("#latest")).containsText("Let's look at the weekends together on Thursday.");
		assertThat(client.locator("#thread .message.own").first()).containsText("Read ");
		assertThat(client.locator("#not-for-emergencies")).isVisible();
		assertThat(client.locator("#compose-reminder")).containsText("Not for emergencies");
		screenshot(client, JOURNEY, "07-reply-read");
	}

}
