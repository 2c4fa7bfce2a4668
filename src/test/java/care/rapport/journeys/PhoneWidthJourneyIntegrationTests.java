package care.rapport.journeys;

import care.rapport.IntegrationTest;
import care.rapport.Totp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo practice on a phone 390 px wide: no page scrolls sideways (wide tables scroll inside
 * themselves), chart text stays readable, and crisis numbers are links to call that do not break
 * across lines.
 */
@IntegrationTest
class PhoneWidthJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "phone";

	private static final String PASSWORD = "fraser-valley-demo";

	@Test
	void staffPagesFitAPhoneWithoutScrollingSideways() {
		try (BrowserContext phone = newPhoneContext()) {
			Page page = phone.newPage();
			signInAsStaff(page, "therapist@fraservalley.example", PASSWORD, Totp.DEMO_STAFF_SECRET, JOURNEY + "-staff");

			visit(page, "/app/caseload");
			fitsThePhone(page, "caseload");
			String progress = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alex Rivera"))
				.first()
				.getAttribute("href");
			String client = progress.substring(0, progress.lastIndexOf('/'));

			visit(page, client + "/sessions");
			fitsThePhone(page, "sessions");

			visit(page, progress);
			fitsThePhone(page, "progress");
			chartTextIsReadable(page);
		}
	}

	@Test
	void clientPagesFitAPhoneAndCrisisNumbersAreLinksToCall() {
		try (BrowserContext phone = newPhoneContext()) {
			Page page = phone.newPage();
			signIn(page, "alex.rivera@client.fraservalley.example", PASSWORD, JOURNEY + "-client");
			page.waitForURL("**/me");

			fitsThePhone(page, "client-home");
			var call988 = page.locator("main a[href='tel:988']");
			assertThat(call988).hasText("9-8-8");
			assertThat(page.locator("main a[href='tel:911']")).hasText("911");
			assertThat(page.locator("footer a[href='tel:988']")).hasText("9-8-8");
			assertThat(call988.evaluate("a => getComputedStyle(a).whiteSpace")).isEqualTo("nowrap");

			visit(page, "/me/progress");
			fitsThePhone(page, "client-progress");
			chartTextIsReadable(page);
			assertThat(page.locator("svg.progress-chart-narrow")).not().containsText("ask about");

			visit(page, "/me/messages");
			fitsThePhone(page, "client-messages");
			assertThat(page.locator("#not-for-emergencies a[href='tel:988']")).hasText("9-8-8");
			assertThat(page.locator("#not-for-emergencies a[href='tel:911']")).hasText("911");
		}
	}

	/** The page is no wider than the phone: nothing to scroll sideways. */
	private static void fitsThePhone(Page page, String step) {
		screenshot(page, JOURNEY, step);
		Object width = page.evaluate("document.documentElement.scrollWidth");
		// Named in the failure: the elements that reach past the right edge.
		Object tooWide = page.evaluate("Array.from(document.querySelectorAll('body *'))"
				+ ".filter(e => e.getBoundingClientRect().right > 390.5 && (!e.parentElement.closest('table') || getComputedStyle(e).position === 'absolute')).slice(0, 8)"
				+ ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
				+ ".join(', ')");
		assertThat(((Number) width).intValue()).as("width of %s at 390 px; too wide: %s", page.url(), tooWide)
			.isLessThanOrEqualTo(390);
	}

	/** The chart shown is the one for phones, and its 12-unit text is drawn at least 11 px high. */
	private static void chartTextIsReadable(Page page) {
		var shown = page.locator("svg.progress-chart:visible");
		assertThat(shown).hasCount(1);
		assertThat(shown).hasClass(java.util.regex.Pattern.compile("progress-chart-narrow"));
		Object pixels = shown.evaluate(
				"svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width * 12");
		assertThat(((Number) pixels).doubleValue()).as("chart text height in px").isGreaterThanOrEqualTo(11);
	}

}
