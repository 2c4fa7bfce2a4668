package care.rapport.journeys;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.AppointmentId;
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
 * A therapist's session note, end to end in the browser: book the next session (its reminder
 * reaches the outbox), record yesterday's session as attended, open its note, choose SOAP and
 * type, see the draft saved as they type and still there after a reload, sign it and see the
 * hash and the lock, then add an addendum; their supervisor then co-signs it.
 */
@IntegrationTest
class NoteJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "note";

	@Autowired
	ApplicationContext spring;

	@Test
	void aTherapistWritesSignsAndAddsToASessionNote() throws Exception {
		TestPractice practice = TestPractice.create(spring);
		var accounts = spring.getBean(Accounts.class);
		accounts.presetAuthenticator(practice.user(practice.therapistAEmail()).id(), Totp.DEMO_STAFF_SECRET);
		accounts.presetAuthenticator(practice.user(practice.supervisorEmail()).id(), Totp.DEMO_STAFF_SECRET);
		// Yesterday's session comes from the fixture (the form can add past sessions too; see SessionsJourney).
		AppointmentId yesterday = spring.getBean(Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS), Duration.ofMinutes(50));

		Page page = context.newPage();
		signInAsStaff(page, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY);
		visit(page, "/app/clients/" + practice.clientOfA() + "/sessions");

		// The next session, within a day, so its reminder is due.
		ZonedDateTime next = ZonedDateTime.now(ZoneId.of("America/Vancouver")).plusHours(20).truncatedTo(ChronoUnit.HOURS);
		page.locator("#date").fill(next.toLocalDate().toString());
		page.locator("#time").fill(next.format(DateTimeFormatter.ofPattern("HH:mm")));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
		assertThat(page.locator(".notice")).containsText("Session booked.");

		page.locator("#session-" + yesterday)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Attended").setExact(true))
			.click();
		assertThat(page.locator(".notice")).containsText("Recorded: attended");
		screenshot(page, JOURNEY, "03-sessions");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write note")).click();
		page.locator("#template-SOAP").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the note")).click();
		assertThat(page.locator("label[for=section-subjective]")).hasText("Subjective");
		page.locator("#section-subjective").fill("Slept better; one panic episode at work, managed with paced breathing.");
		assertThat(page.locator("#save-status")).containsText("Draft saved");
		assertThat(page.locator("#note-state")).hasText("Draft");
		page.locator("#section-objective").fill("Calm, good eye contact. PHQ-9 9, GAD-7 7.");
		assertThat(page.locator("#save-status")).containsText("Draft saved");
		screenshot(page, JOURNEY, "04-draft");

		page.reload();
		assertThat(page.locator("#section-subjective"))
			.hasValue("Slept better; one panic episode at work, managed with paced breathing.");
		assertThat(page.locator("#section-objective")).hasValue("Calm, good eye contact. PHQ-9 9, GAD-7 7.");
		assertThat(page.locator("#note-state")).hasText("Draft");

		page.locator("#section-assessment").fill("Improving; panic now brief and self-managed.");
		page.locator("#section-plan").fill("Interoceptive exposure next session. Keep the breathing practice daily.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and lock")).click();
		assertThat(page.locator(".notice")).containsText("Signed and locked");
		assertThat(page.locator("#note-state")).hasText("Awaiting co-signature");
		assertThat(page.locator("#content-hash")).hasText(java.util.regex.Pattern.compile("^[0-9a-f]{64}$"));
		assertThat(page.locator("#integrity")).containsText("intact");
		assertThat(page.locator(".locked")).containsText("Signed by " + practice.user(practice.therapistAEmail()).displayName());
		assertThat(page.locator("#cosignature")).containsText("Awaiting co-signature by");
		assertThat(page.locator("#note-form")).hasCount(0);
		assertThat(page.locator("#note-text")).containsText("Interoceptive exposure next session.");
		screenshot(page, JOURNEY, "05-signed");

		page.locator("#addendum-text").fill("Client e-mailed: the panic episode was on Tuesday, not Monday.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add addendum")).click();
		assertThat(page.locator(".notice")).containsText("Addendum added");
		assertThat(page.locator(".addendum")).containsText("the panic episode was on Tuesday");
		assertThat(page.locator(".addendum")).containsText("intact");
		screenshot(page, JOURNEY, "06-addendum");

		Class<?> reminders = Class.forName("care.rapport.scheduling.internal.Reminders");
		Method queue = reminders.getDeclaredMethod("queue");
		queue.setAccessible(true);
		queue.invoke(spring.getBean(reminders));
		visit(page, "/app/outbox");
		Locator reminder = page.locator("article.message").filter(new Locator.FilterOptions().setHasText(practice.clientAEmail()));
		assertThat(reminder.first()).containsText("Reminder: your session on");
		screenshot(page, JOURNEY, "07-reminder");

		// Therapist A is supervised: their supervisor finds the note waiting and co-signs it.
		try (BrowserContext supervisorContext = newContext()) {
			Page supervisor = supervisorContext.newPage();
			signInAsStaff(supervisor, practice.supervisorEmail(), practice.password(), Totp.DEMO_STAFF_SECRET,
					JOURNEY + "-supervisor");
			visit(supervisor, "/app/notes/cosign");
			supervisor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review and co-sign")).click();
			assertThat(supervisor.locator("#note-text")).containsText("Interoceptive exposure next session.");
			assertThat(supervisor.locator("#psychotherapy-note")).hasCount(0);
			supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Co-sign this note")).click();
			assertThat(supervisor.locator("#cosignature")).containsText("Co-signed by "
					+ practice.user(practice.supervisorEmail()).displayName());
			assertThat(supervisor.locator("#note-state")).hasText("Co-signed");
			screenshot(supervisor, JOURNEY, "08-cosigned");
		}
	}

}
