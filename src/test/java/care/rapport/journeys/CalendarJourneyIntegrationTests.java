package care.rapport.journeys;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.Accounts;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Availability;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The schedule as a time grid: a session is a block, an empty slot books, dragging moves a session after a
 * confirmation, and a move onto another session is refused with the message and the block put back.
 */
@IntegrationTest
class CalendarJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "calendar";

	private static final ZoneId ZONE = ZoneId.of("America/Vancouver");

	@Autowired
	ApplicationContext spring;

	@Test
	void aTherapistBooksFromAnEmptySlotAndDragsASessionWithConfirmation() {
		TestPractice practice = TestPractice.create(spring);
		var therapist = practice.user(practice.therapistAEmail()).id();
		spring.getBean(Accounts.class).presetAuthenticator(therapist, Totp.DEMO_STAFF_SECRET);
		var availability = spring.getBean(Availability.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			availability.addWindow(practice.practice().id(), therapist,
					new Availability.Window(day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		LocalDate monday = LocalDate.now(ZONE).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var appointments = spring.getBean(Appointments.class);
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				monday.plusDays(1).atTime(10, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		appointments.book(practice.practice().id(), practice.clientOfA(), therapist,
				monday.plusDays(2).atTime(13, 0).atZone(ZONE).toInstant(), Duration.ofMinutes(50));
		String name = practice.user(practice.clientAEmail()).displayName();

		Page page = context.newPage();
		signInAsStaff(page, practice.therapistAEmail(), practice.password(), Totp.DEMO_STAFF_SECRET, JOURNEY);
		visit(page, "/app/schedule?date=" + monday);
		Locator tuesday = session(page, monday.plusDays(1));
		assertThat(tuesday).containsText(name);
		assertThat(tuesday).containsText("10:00");
		assertThat(page.locator(".fc-bg-event.available").first()).isVisible();
		screenshot(page, JOURNEY, "week-desktop");

		// An empty slot: Friday 3 p.m. opens the booking with that time filled in.
		click(page, slot(page, monday.plusDays(4), "15:00:00"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to booking")).click();
		assertThat(page.locator("#date")).hasValue(monday.plusDays(4).toString());
		assertThat(page.locator("#time")).hasValue("15:00");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
		visit(page, "/app/schedule?date=" + monday);
		assertThat(session(page, monday.plusDays(4))).containsText(name);

		// Tuesday 10:00 to Thursday 2 p.m., confirmed.
		double[] thursday = slot(page, monday.plusDays(3), "14:00:00");
		drag(page, session(page, monday.plusDays(1)), thursday);
		assertThat(page.locator("#move-question")).containsText("Move " + name + "\u2019s session from Tue 10:00 a.m. to Thu 2:00 p.m.?");
		screenshot(page, JOURNEY, "confirm-move");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move it")).click();
		assertThat(page.locator("#grid-status")).containsText("Session moved to");
		assertThat(session(page, monday.plusDays(3))).containsText("2:00");

		// Onto Wednesday's 1 p.m. session: refused by the double-booking guard, the block goes back.
		double[] wednesday = slot(page, monday.plusDays(2), "13:00:00");
		drag(page, session(page, monday.plusDays(3)), wednesday);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move it")).click();
		assertThat(page.locator("#grid-status")).containsText("already has a session then. The session was not moved");
		assertThat(session(page, monday.plusDays(3))).containsText("2:00");
		screenshot(page, JOURNEY, "refused-move");

		page.setViewportSize(390, 844);
		visit(page, "/app/schedule?date=" + monday + "&view=day");
		screenshot(page, JOURNEY, "day-390");
	}

	private static Locator session(Page page, LocalDate day) {
		return page.locator(".fc-timegrid-col[data-date='" + day + "'] .fc-timegrid-event").first();
	}

	/** Where a day's column meets a time row. */
	private static double[] slot(Page page, LocalDate day, String time) {
		// Mouse coordinates are the viewport's: bring the row into view first.
		page.locator("td.fc-timegrid-slot-lane[data-time='" + time + "']").scrollIntoViewIfNeeded();
		BoundingBox column = page.locator(".fc-timegrid-col[data-date='" + day + "']").boundingBox();
		BoundingBox row = page.locator("td.fc-timegrid-slot-lane[data-time='" + time + "']").boundingBox();
		return new double[] { column.x + column.width / 2, row.y + 4 };
	}

	private static void click(Page page, double[] at) {
		page.mouse().click(at[0], at[1]);
	}

	private static void drag(Page page, Locator event, double[] to) {
		event.scrollIntoViewIfNeeded();
		BoundingBox box = event.boundingBox();
		page.mouse().move(box.x + box.width / 2, box.y + 6);
		page.mouse().down();
		page.mouse().move(box.x + box.width / 2 + 5, box.y + 12, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
		page.mouse().move(to[0], to[1] + 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
		page.mouse().up();
	}

}
