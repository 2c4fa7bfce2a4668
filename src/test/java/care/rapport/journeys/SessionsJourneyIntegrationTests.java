package care.rapport.journeys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sessions table offers only what may be done now: a session still to come can be cancelled
 * but not marked attended; one that took place can be marked attended or a no-show; an attended
 * one offers nothing more. A booking error shows at the form, in view, with what was typed.
 */
@IntegrationTest
class SessionsJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "sessions";

	@Autowired
	ApplicationContext spring;

	@Test
	void aTherapistSeesOnlyTheLegalActionsAndAddsAPastSessionAfterTheFact() {
		TestPractice practice = TestPractice.create(spring);
		spring.getBean(Accounts.class)
			.presetAuthenticator(practice.user(practice.therapistAEmail()).id(), Totp.DEMO_STAFF_SECRET);
		AppointmentId upcoming = spring.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS), Duration.ofMinutes(50));

		Page page = context.newPage();
		signInAsStaff(page, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY);
		visit(page, "/app/clients/" + practice.clientOfA() + "/sessions");

		Locator next = page.locator("#session-" + upcoming);
		assertThat(button(next, "Attended")).hasCount(0);
		assertThat(button(next, "No-show")).hasCount(0);
		assertThat(button(next, "Reinstate")).hasCount(0);
		assertThat(next).containsText("Attendance once it starts");

		// Yesterday, without saying it already took place: refused at the form, in view, values kept.
		String yesterday = LocalDate.now(ZoneId.of("America/Vancouver")).minusDays(1).toString();
		page.locator("#date").fill(yesterday);
		page.locator("#time").fill("09:30");
		page.locator("#minutes").fill("45");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
		assertThat(page.locator("#booking-error")).containsText("Already took place");
		assertThat(page.locator("#booking-error")).isInViewport();
		assertThat(page.locator("#time")).hasValue("09:30");
		assertThat(page.locator("#minutes")).hasValue("45");
		screenshot(page, JOURNEY, "03-error-at-the-form");

		page.getByLabel("Already took place").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
		assertThat(page.locator(".notice")).containsText("Past session added");
		Locator past = page.locator("#sessions tbody tr").first();
		assertThat(button(past, "Attended")).isVisible();
		assertThat(button(past, "No-show")).isVisible();
		assertThat(button(past, "Reinstate")).hasCount(0);
		screenshot(page, JOURNEY, "04-past-session-added");

		button(past, "Attended").click();
		assertThat(page.locator(".notice")).containsText("Recorded: attended (session 1).");
		past = page.locator("#sessions tbody tr").first();
		assertThat(past).containsText("#1");
		assertThat(button(past, "Attended")).hasCount(0);
		assertThat(button(past, "No-show")).hasCount(0);
		assertThat(button(past, "Cancel session")).hasCount(0);
		assertThat(past).containsText("Final");
		screenshot(page, JOURNEY, "05-attended-is-final");
	}

	private static Locator button(Locator row, String name) {
		return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

}
