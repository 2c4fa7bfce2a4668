package care.rapport.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which Chromium the browser journeys run: the one {@code RAPPORT_CHROMIUM} names, else one installed
 * at a usual place (Debian, Ubuntu, Fedora, macOS), else none, and Playwright uses the browser it
 * downloads and keeps for itself.
 */
final class Chromium {

	static final String VARIABLE = "RAPPORT_CHROMIUM";

	static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"),
			Path.of("/usr/bin/google-chrome"), Path.of("/usr/bin/google-chrome-stable"),
			Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
			Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

	private Chromium() {
	}

	/** The installed Chromium to use on this machine, if any. */
	static Optional<Path> installed() {
		return installed(System.getenv(), Files::isExecutable);
	}

	static Optional<Path> installed(Map<String, String> environment, Predicate<Path> executable) {
		String named = environment.get(VARIABLE);
		if (named != null && !named.isBlank()) {
			Path path = Path.of(named.strip());
			if (!executable.test(path)) {
				// A name that is wrong is a mistake to point out, not a reason to quietly use another browser.
				throw new IllegalStateException(VARIABLE + " names " + path + ", which is not an executable file");
			}
			return Optional.of(path);
		}
		return USUAL_PLACES.stream().filter(executable).findFirst();
	}

}
