package care.rapport.journeys;

import java.time.DayOfWeek;
import java.time.LocalTime;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.Availability;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A client asks for a session at a time their therapist offers, on a phone; the therapist sees the
 * request on their schedule and accepts it; the client finds it booked.
 */
@IntegrationTest
class SessionRequestJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "session-request";

	@Autowired
	ApplicationContext spring;

	@Test
	void aClientAsksForASessionAndTheirTherapistBooksIt() {
		TestPractice practice = TestPractice.create(spring);
		var therapist = practice.user(practice.therapistAEmail()).id();
		spring.getBean(Accounts.class).presetAuthenticator(therapist, Totp.DEMO_STAFF_SECRET);
		var availability = spring.getBean(Availability.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			availability.addWindow(practice.practice().id(), therapist,
					new Availability.Window(day, LocalTime.of(9, 0), LocalTime.of(12, 0)));
		}

		BrowserContext phone = newContext();
		Page client = phone.newPage();
		client.setViewportSize(390, 844);
		signIn(client, practice.clientAEmail(), practice.password(), JOURNEY + "-client");
		client.waitForURL("**/me");
		client.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sessions").setExact(true)).click();
		assertThat(heading(client, "My sessions")).isVisible();
		client.locator("details[open] fieldset.slots").nth(1).locator("label.slot").first().click();
		client.locator("#note").fill("Video would suit me best");
		screenshot(client, JOURNEY, "01-client-chooses-a-time");
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my request")).click();
		assertThat(client.locator("#requests")).containsText("Waiting for your therapist");

		Page staff = context.newPage();
		signInAsStaff(staff, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY);
		assertThat(staff.locator("#home-requests")).containsText("1 session request waiting");
		visit(staff, "/app/schedule");
		assertThat(staff.locator("#requests-waiting")).containsText("1 session request");
		staff.locator("#requests-waiting a").click();
		assertThat(staff.locator("#pending-requests")).containsText("Video would suit me best");
		screenshot(staff, JOURNEY, "02-therapist-sees-the-request");
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept and book")).click();
		assertThat(staff.locator(".notice")).containsText("Booked");

		client.reload();
		assertThat(client.locator("#requests")).containsText("Booked");
		assertThat(client.locator("#upcoming li")).hasCount(1);
		screenshot(client, JOURNEY, "03-client-sees-it-booked");

		visit(staff, "/app/clients/" + practice.clientOfA() + "/sessions");
		staff.getByText("Video link, move or cancel").click();
		var later = java.time.LocalDate.now(java.time.ZoneId.of("America/Vancouver")).plusDays(10);
		staff.locator("input[name=date][id^=move-date]").fill(later.toString());
		staff.locator("input[name=time][id^=move-time]").fill("11:00");
		screenshot(staff, JOURNEY, "04-moving-the-session");
		staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move session")).click();
		assertThat(staff.locator(".notice")).containsText("Session moved to");
		client.reload();
		assertThat(client.locator("#upcoming li")).containsText("Moved from");
		assertThat(client.locator("#upcoming li")).containsText("11:00");
		phone.close();
	}

}
