package care.rapport.journeys;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A session that ends while someone is writing costs them nothing: the refused form says so, and
 * after signing in again the form comes back with their words, ready to send.
 */
@IntegrationTest
class ExpiredSessionJourneyIntegrationTests extends BrowserJourney {

	private static final String JOURNEY = "expired-session";

	@Autowired
	ApplicationContext spring;

	@Test
	void whatAClientTypedSurvivesTheirSessionEndingMidForm() {
		TestPractice practice = TestPractice.create(spring);
		String goal = "Phone my sister every Sunday evening, even when I feel flat";
		Page page = context.newPage();
		signIn(page, practice.clientAEmail(), practice.password(), JOURNEY);
		page.waitForURL("**/me");
		visit(page, "/me/goals");
		page.locator("#goal-text").fill(goal);

		context.clearCookies();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my goal")).click();

		assertThat(heading(page, "This form has expired")).isVisible();
		assertThat(page.getByText("What you typed is kept in this browser tab.")).isVisible();
		screenshot(page, JOURNEY, "02-form-expired");
		page.locator("#return-to-form").click();
		page.waitForURL("**/login");
		page.locator("#email").fill(practice.clientAEmail());
		page.locator("#password").fill(practice.password());
		clickSignIn(page);

		page.waitForURL(url -> url.contains("/me/goals"));
		assertThat(page.locator("#goal-text")).hasValue(goal);
		assertThat(page.locator(".kept-notice")).containsText("We kept what you typed");
		screenshot(page, JOURNEY, "03-words-kept");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my goal")).click();

		assertThat(page.locator("#active-goals")).containsText(goal);
		visit(page, "/me/goals");
		assertThat(page.locator("#goal-text")).hasValue("");
		assertThat(page.locator(".kept-notice")).hasCount(0);
	}

}
