package care.rapport.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.Totp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Signing in, joining by invitation and founding a practice, driven through a real browser
 * (headless Chromium) against the whole application.
 */
@IntegrationTest
class SignInJourneyIntegrationTests extends BrowserJourney {

	private static final String DEMO_PASSWORD = "fraser-valley-demo";

	/*
	 * A verification code works once per account, so journeys that sign in staff each use their own
	 * demo account: two sign-ins of one account within 30 seconds would need a code the app has not shown yet.
	 */
	private static final String SAM = "therapist@fraservalley.example";

	private static final String ELENA = "elena@fraservalley.example";

	private static final String MORGAN = "admin@fraservalley.example";

	private static final String STRONG_PASSWORD = "quiet river lantern morning";

	@Test
	void therapistSignsInWithPasswordAndCodeSeesHomeAndSignsOut() {
		Page page = context.newPage();

		signInAsStaff(page, ELENA, "sign-in");

		assertThat(heading(page, "Hello, Elena Petrova")).isVisible();
		assertThat(page.locator("header .who")).containsText("Fraser Valley Counselling");
		screenshot(page, "sign-in", "03-home");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true)).click();
		page.waitForURL("**/login?signedout");
		assertThat(page.getByText("You are signed out.")).isVisible();
		screenshot(page, "sign-in", "04-signed-out");

		visit(page, "/app");
		page.waitForURL("**/login");
		assertThat(heading(page, "Sign in")).isVisible();
	}

	@Test
	void wrongPasswordShowsTheGenericErrorWithoutRevealingTheAccount() {
		String existing = uniqueEmail("founder");
		String unknown = uniqueEmail("nobody");
		Page page = context.newPage();
		createPractice(page, "Wrong Password Check " + shortId(), "Casey Wren", existing,
				"wrong-password-existing-account");

		String errorForExisting = failedSignIn(page, existing, "wrong-password-existing-account");
		String errorForUnknown = failedSignIn(page, unknown, "wrong-password-unknown-account");

		Assertions.assertThat(errorForExisting)
			.contains("That e-mail and password don't match an account")
			.isEqualTo(errorForUnknown);
		Assertions.assertThat(page.locator("main").innerText().toLowerCase())
			.doesNotContain("no account", "not registered", "does not exist", "unknown e-mail", "not found");
		assertThat(page.locator("#sign-in-locked")).hasCount(0);
	}

	@Test
	void clientAcceptsInvitationSetsPasswordAndSignsIn() {
		String clientName = "Robin Ashdown " + shortId();
		String clientEmail = uniqueEmail("robin");
		Page therapist = context.newPage();
		signInAsStaff(therapist, SAM, "invitation");

		visit(therapist, "/app/clients/new");
		therapist.locator("#displayName").fill(clientName);
		therapist.locator("#email").fill(clientEmail);
		screenshot(therapist, "invitation", "03-add-client");
		therapist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and invite")).click();
		therapist.waitForURL("**/app/clients/*");
		assertThat(heading(therapist, clientName)).isVisible();
		assertThat(therapist.locator(".notice")).containsText("An invitation to the portal went to " + clientEmail);
		screenshot(therapist, "invitation", "04-client-record");

		String invitationPath = invitationPathFromOutbox(therapist, clientEmail);

		try (BrowserContext clientContext = newContext()) {
			Page client = clientContext.newPage();
			visit(client, invitationPath);
			assertThat(heading(client, "Welcome to Fraser Valley Counselling")).isVisible();
			client.locator("#password").fill(STRONG_PASSWORD);
			client.locator("#confirmation").fill(STRONG_PASSWORD);
			screenshot(client, "invitation", "06-set-password");
			client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();

			client.waitForURL("**/login?welcome");
			assertThat(client.getByText("Sign in now with the password you chose.")).isVisible();
			assertThat(client.locator("#email")).hasValue(clientEmail);
			screenshot(client, "invitation", "07-welcome");

			client.locator("#password").fill(STRONG_PASSWORD);
			clickSignIn(client);
			client.waitForURL("**/me");
			assertThat(heading(client, "Hello, " + clientName)).isVisible();
			assertThat(client.getByText("Sam Okafor").first()).isVisible();
			screenshot(client, "invitation", "08-client-home");

			client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See who has viewed your record"))
				.click();
			client.waitForURL("**/me/access-history");
			assertThat(client.locator("#access-history")).containsText("Sam Okafor (therapist) viewed");
			screenshot(client, "invitation", "09-access-history");

			visit(client, invitationPath);
			assertThat(heading(client, "This invitation was already used")).isVisible();
			screenshot(client, "invitation", "10-link-used");
		}
	}

	@Test
	void founderCreatesPracticeAndEnrolsAuthenticator() {
		String email = uniqueEmail("founder");
		Page page = context.newPage();
		createPractice(page, "Harbour Light Therapy " + shortId(), "Avery Lindqvist", email, "founder");

		signIn(page, email, STRONG_PASSWORD, "founder");
		page.waitForURL("**/login/mfa/setup");
		assertThat(heading(page, "Set up two-step verification")).isVisible();
		assertThat(page.locator("img.qr")).isVisible();
		String secret = page.locator("code#secret").textContent().replace(" ", "").strip();
		screenshot(page, "founder", "03-authenticator-setup");

		page.locator("#code").fill(Totp.code(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(heading(page, "Save your recovery codes")).isVisible();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		screenshot(page, "founder", "04-recovery-codes");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have saved them, continue")).click();
		page.waitForURL("**/app");
		assertThat(heading(page, "Hello, Avery Lindqvist")).isVisible();
		assertThat(heading(page, "Practice administration")).isVisible();
		screenshot(page, "founder", "05-home");
	}

	@Test
	void adminSeesTheTeamAndSearchesAnIntactAuditTrail() {
		Page page = context.newPage();
		signInAsStaff(page, MORGAN, "admin");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team").setExact(true)).click();
		page.waitForURL("**/app/team");
		assertThat(page.locator("table tbody tr")).hasCount(6);
		assertThat(page.locator("table")).containsText("Dr. Priya Raman");
		screenshot(page, "admin", "03-team");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail")).click();
		page.waitForURL("**/app/audit");
		page.locator("#action").selectOption("SIGN_IN_SUCCEEDED");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		page.waitForURL("**/app/audit?*action=SIGN_IN_SUCCEEDED*");
		assertThat(page.locator("#chain-status")).containsText("Integrity check passed");
		assertThat(page.locator("#audit-events tbody tr").first()).containsText("Morgan Lee");
		Assertions.assertThat(page.locator("#audit-events tbody td:nth-child(5)").allInnerTexts())
			.isNotEmpty()
			.allMatch("Signed in"::equals);
		screenshot(page, "admin", "04-audit-trail");

		// Sam invited Taylor Brooks: the admin sees that the e-mail exists, never its link.
		visit(page, "/app/outbox");
		Locator invitation = page.locator("article.card.message")
			.filter(new Locator.FilterOptions().setHasText("taylor.brooks@client.fraservalley.example"));
		assertThat(invitation).hasCount(1);
		assertThat(invitation.locator(".withheld")).isVisible();
		assertThat(invitation.locator("a[href*='/invitations/']")).hasCount(0);
		assertThat(page.locator("#outbox-reason")).isVisible();
		screenshot(page, "admin", "05-outbox-withheld");
	}

	private static void signInAsStaff(Page page, String email, String journey) {
		signInAsStaff(page, email, DEMO_PASSWORD, Totp.DEMO_STAFF_SECRET, journey);
	}

	/** Signs in with a wrong password and returns the error shown. */
	private static String failedSignIn(Page page, String email, String journey) {
		signIn(page, email, "not the right password " + shortId(), journey);
		page.waitForURL("**/login?error");
		Locator error = page.locator("#sign-in-error");
		assertThat(error).isVisible();
		assertThat(error).containsText("That e-mail and password don't match an account");
		screenshot(page, journey, "02-error");
		return error.innerText().strip();
	}

	private static void createPractice(Page page, String practiceName, String founderName, String email,
			String journey) {
		visit(page, "/signup");
		page.locator("#practiceName").fill(practiceName);
		page.locator("#timeZone").selectOption("America/Edmonton");
		page.locator("#jurisdiction").selectOption("Alberta, Canada");
		page.locator("#displayName").fill(founderName);
		page.locator("#email").fill(email);
		page.locator("#password").fill(STRONG_PASSWORD);
		screenshot(page, journey, "00-signup");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create practice")).click();
		// The same answer as for an address that has an account; the demo has no mail server, and says so.
		assertThat(heading(page, "Check your e-mail to continue")).isVisible();
		assertThat(page.locator("#demo-no-mail")).isVisible();
		screenshot(page, journey, "00-check-email");
	}

	/** The path of the invitation link e-mailed to the recipient, as shown in the staff outbox. */
	private static String invitationPathFromOutbox(Page page, String recipient) {
		visit(page, "/app/outbox");
		Locator message = page.locator("article.card.message")
			.filter(new Locator.FilterOptions().setHasText(recipient));
		assertThat(message).hasCount(1);
		screenshot(page, "invitation", "05-outbox");
		String href = message.locator("a[href*='/invitations/']").getAttribute("href");
		return URI.create(href).getPath();
	}

	private static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID() + "@example.org";
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
