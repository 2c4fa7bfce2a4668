package care.rapport.journeys;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import care.rapport.Totp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A journey through the whole application in headless Chromium (see {@link Chromium} for which
 * one): one browser per class, a fresh context per test, screenshots under target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	@LocalServerPort
	int port;

	private Playwright playwright;

	private Browser browser;

	BrowserContext context;

	@BeforeAll
	void launchBrowser() {
		var installed = Chromium.installed();
		// With an installed Chromium, Playwright must not fetch one of its own; without one, it
		// downloads its own on first use (a connected laptop) and keeps it in its cache.
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(installed.isPresent() ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
		var options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run"));
		installed.ifPresent(options::setExecutablePath);
		browser = playwright.chromium().launch(options);
	}

	@AfterAll
	void closeBrowser() {
		browser.close();
		playwright.close();
	}

	@BeforeEach
	void openContext() {
		context = newContext();
	}

	@AfterEach
	void closeContext() {
		context.close();
	}

	/** A new browser profile on the application, e.g. for a second person in the same journey. */
	BrowserContext newContext() {
		return browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
			.setViewportSize(1280, 800));
	}

	/** A new browser profile the size of a phone (an iPhone 14: 390 by 844 CSS pixels). */
	BrowserContext newPhoneContext() {
		return browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
			.setViewportSize(390, 844)
			.setIsMobile(true)
			.setHasTouch(true));
	}

	/**
	 * Opens a page of the application, failing on an error status rather than on a missing element
	 * later, or on a serious or critical WCAG 2.2 AA violation.
	 */
	static void visit(Page page, String path) {
		Response response = page.navigate(path);
		Assertions.assertThat(response.status()).as("HTTP status of %s", response.url()).isLessThan(400);
		Accessibility.check(page, "visit " + path);
	}

	/** Fills in and sends the sign-in form, leaving a screenshot of it as step 01 of the journey. */
	static void signIn(Page page, String email, String password, String journey) {
		visit(page, "/login");
		page.locator("#email").fill(email);
		page.locator("#password").fill(password);
		screenshot(page, journey, "01-sign-in");
		clickSignIn(page);
	}

	static void clickSignIn(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	/** Signs a staff member in with password and the current code of their authenticator secret. */
	static void signInAsStaff(Page page, String email, String password, String totpSecret, String journey) {
		signIn(page, email, password, journey);
		page.waitForURL("**/login/mfa");
		assertThat(heading(page, "Enter your verification code")).isVisible();
		page.locator("#code").fill(Totp.code(totpSecret));
		screenshot(page, journey, "02-verification-code");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();
		page.waitForURL("**/app");
	}

	static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/**
	 * Saves a screenshot of the page as a step of the journey, and checks the page for serious or
	 * critical WCAG 2.2 AA violations, so every page a journey shows is checked.
	 */
	static void screenshot(Page page, String journey, String step) {
		Accessibility.check(page, journey + "-" + step);
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(SCREENSHOTS.resolve(journey + "-" + step + ".png")));
	}

}
