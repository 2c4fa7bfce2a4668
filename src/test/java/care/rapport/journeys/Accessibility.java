package care.rapport.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;
import org.assertj.core.api.Assertions;

/**
 * Checks a page against WCAG 2.2 A and AA with axe-core (shipped with the tests, see
 * src/test/resources/axe/README): a serious or critical violation fails the journey with the
 * rule, what it means and the first elements at fault.
 */
final class Accessibility {

	private static final String AXE = read("/axe/axe.min.js");

	private static final String RUN = """
			async () => {
			  const result = await axe.run(document, {
			    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
			    resultTypes: ['violations']
			  });
			  return result.violations
			    .filter(v => v.impact === 'serious' || v.impact === 'critical')
			    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' | '
			      + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ')').join('; '));
			}""";

	private Accessibility() {
	}

	/** Fails when the page, as it is now, has a serious or critical WCAG 2.2 AA violation. */
	static void check(Page page, String where) {
		// Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline
		// script) stays as it is for the journey itself.
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
			page.evaluate(AXE);
		}
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate(RUN);
		Assertions.assertThat(violations).as("serious or critical WCAG 2.2 AA violations on %s (%s)", page.url(), where)
			.isEmpty();
	}

	private static String read(String resource) {
		try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is missing from the test resources: " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
