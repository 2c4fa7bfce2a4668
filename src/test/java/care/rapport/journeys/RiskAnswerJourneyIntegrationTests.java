package care.rapport.journeys;

import java.time.Duration;
import java.time.Instant;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.Appointments;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The heart of Rapport, end to end: a client answers the PHQ-9 with a risk answer and sees crisis
 * resources at once; their therapist finds the risk alert at the top of the caseload and the
 * alerts, acknowledges it with what they did, and the practice's audit trail shows it.
 */
@IntegrationTest
class RiskAnswerJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "risk";

	@Autowired
	ApplicationContext spring;

	@Test
	void aRiskAnswerReachesTheTherapistFirstAndItsFollowUpIsAudited() {
		TestPractice practice = TestPractice.create(spring);
		var accounts = spring.getBean(Accounts.class);
		accounts.presetAuthenticator(practice.user(practice.therapistAEmail()).id(), Totp.DEMO_STAFF_SECRET);
		accounts.presetAuthenticator(practice.user(practice.adminEmail()).id(), Totp.DEMO_STAFF_SECRET);
		spring.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofHours(20)), Duration.ofMinutes(50));
		String clientName = practice.user(practice.clientAEmail()).displayName();

		Page client = context.newPage();
		signIn(client, practice.clientAEmail(), practice.password(), JOURNEY + "-client");
		client.waitForURL("**/me");
		client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check-ins").setExact(true)).click();
		client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PHQ-9")).first().click();
		Locator items = client.locator("fieldset");
		assertThat(items).hasCount(9);
		for (int i = 0; i < 8; i++) {
			items.nth(i).getByText("Several days").click();
		}
		client.locator("#q-q9").getByText("Several days").click();
		screenshot(client, JOURNEY, "01-phq9-answered");
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
		assertThat(client.locator("#crisis-resources")).isVisible();
		assertThat(client.locator("#crisis-resources")).containsText("9-8-8");
		screenshot(client, JOURNEY, "02-crisis-resources");

		try (BrowserContext staffContext = newContext()) {
			Page therapist = staffContext.newPage();
			signInAsStaff(therapist, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET,
					JOURNEY + "-therapist");
			visit(therapist, "/app/caseload");
			assertThat(therapist.locator("#caseload tbody tr").first()).containsText(clientName);
			assertThat(therapist.locator("#caseload tbody tr").first()).containsText("Risk");
			screenshot(therapist, JOURNEY, "03-caseload");

			therapist.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts").setExact(true)).click();
			Locator first = therapist.locator("#alerts > li").first();
			assertThat(first).containsText("Risk");
			assertThat(first).containsText(clientName);
			assertThat(first).containsText("Several days");
			screenshot(therapist, JOURNEY, "04-alerts");
			first.locator("select[name=action]").selectOption("SAFETY_PLAN_REVIEWED");
			first.locator("textarea[name=note]").fill("Phoned the same afternoon; safety plan reviewed together.");
			first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
			assertThat(therapist.locator(".notice")).containsText("acknowledged");
			assertThat(therapist.locator("#alerts > li").first()).containsText("Safety plan reviewed");
			screenshot(therapist, JOURNEY, "05-acknowledged");

			visit(therapist, "/app/clients/" + practice.clientOfA() + "/progress");
			assertThat(therapist.locator(".chart svg:visible")).isVisible();
			assertThat(therapist.locator("#latest-answers")).containsText("needs attention");
			screenshot(therapist, JOURNEY, "06-progress");
		}

		try (BrowserContext adminContext = newContext()) {
			Page admin = adminContext.newPage();
			signInAsStaff(admin, practice.adminEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY + "-admin");
			visit(admin, "/app/audit?action=ALERT_ACKNOWLEDGED");
			// The admin sees that a clinical record was changed, and by whom, but not what the therapist did.
			assertThat(admin.locator("#audit-events tbody tr").first()).containsText("Changed a clinical record");
			assertThat(admin.locator("#audit-events")).not().containsText("Safety plan reviewed");
			assertThat(admin.locator("#audit-events")).not().containsText("Risk");
			assertThat(admin.locator("#chain-status")).containsText("Integrity check passed");
			screenshot(admin, JOURNEY, "07-audit");
		}
	}

}
