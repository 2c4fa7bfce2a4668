package care.rapport.journeys;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Browser journeys find a Chromium on a developer's laptop as well as on Debian. */
class ChromiumTests {

	@Test
	void theBrowserNamedByTheVariableWinsOverTheUsualPlaces() {
		var chosen = Chromium.installed(Map.of("RAPPORT_CHROMIUM", "/opt/chrome/chrome"),
				Set.of(Path.of("/opt/chrome/chrome"), Path.of("/usr/bin/chromium"))::contains);

		assertThat(chosen).contains(Path.of("/opt/chrome/chrome"));
	}

	@Test
	void aVariableNamingNothingIsAnErrorThatSaysSo() {
		assertThatThrownBy(() -> Chromium.installed(Map.of("RAPPORT_CHROMIUM", "/nowhere/chrome"),
				Set.of(Path.of("/usr/bin/chromium"))::contains))
			.hasMessageContaining("RAPPORT_CHROMIUM names /nowhere/chrome");
	}

	@Test
	void withoutTheVariableTheFirstUsualPlaceThatHasOneIsUsed() {
		assertThat(Chromium.installed(Map.of(), Set.of(Path.of("/usr/bin/chromium-browser"))::contains))
			.contains(Path.of("/usr/bin/chromium-browser"));
		assertThat(Chromium.installed(Map.of(),
				Set.of(Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"))::contains))
			.contains(Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
	}

	@Test
	void withNoneInstalledPlaywrightsOwnBrowserIsUsed() {
		assertThat(Chromium.installed(Map.of(), path -> false)).isEmpty();
	}

}
