package care.rapport.journeys;

import java.time.Duration;
import java.time.Instant;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.consent.ConsentKind;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.Appointments;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Each home page says what matters now: a client sees their next session and what to sign, and is
 * offered a check-in only once consent makes one due; a new practice's admin sees the next steps
 * of setting up, ticked off as they are done.
 */
@IntegrationTest
class HomePagesJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "home";

	@Autowired
	ApplicationContext spring;

	@Test
	void aClientSeesTheirNextSessionWhatToSignAndACheckInOnlyOnceConsentMakesOneDue() {
		TestPractice practice = TestPractice.createWithoutConsents(spring);
		spring.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofHours(20)), Duration.ofMinutes(50));

		Page client = context.newPage();
		signIn(client, practice.clientAEmail(), practice.password(), JOURNEY + "-client");
		client.waitForURL("**/me");
		assertThat(client.locator("#next-session")).containsText("with Therapist A");
		assertThat(client.locator("#consents-to-sign")).containsText("Agreeing to counselling");
		assertThat(client.locator("#consents-to-sign")).containsText("Check-ins and feedback on how you are doing");
		assertThat(client.locator("#check-in")).hasCount(0);
		screenshot(client, JOURNEY, "01-client-before-consent");

		practice.signConsents(practice.clientOfA(), ConsentKind.TREATMENT, ConsentKind.MEASUREMENT);
		// Signing in the portal starts the plan; here the signatures stand from intake, so book again.
		spring.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofHours(26)), Duration.ofMinutes(50));
		visit(client, "/me");
		assertThat(client.locator("#consents-to-sign")).not().containsText("Agreeing to counselling");
		assertThat(client.locator("#check-in")).containsText("Check in");
		client.locator("#check-in a").click();
		client.waitForURL("**/me/measures");
		assertThat(client.locator("#due-measures")).containsText("PHQ-9");
		screenshot(client, JOURNEY, "02-client-check-in");
	}

	@Test
	void aNewPracticesAdminSeesTheNextStepsTickedOffAsTheyAreDone() {
		TestPractice practice = TestPractice.create(spring);
		spring.getBean(Accounts.class)
			.presetAuthenticator(practice.user(practice.adminEmail()).id(), Totp.DEMO_STAFF_SECRET);

		Page admin = context.newPage();
		signInAsStaff(admin, practice.adminEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY + "-admin");
		visit(admin, "/app");
		assertThat(admin.locator("#step-team")).hasClass("done");
		assertThat(admin.locator("#step-consent")).not().hasClass("done");
		assertThat(admin.locator("#step-availability")).not().hasClass("done");
		screenshot(admin, JOURNEY, "03-founder-checklist");

		admin.locator("#step-consent a").click();
		admin.waitForURL("**/app/consent-documents");
		assertThat(admin.locator("nav")).containsText("Consent documents");
	}

}
