package care.rapport.scheduling;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a video link must be: an absolute https address with a host, that parses as a URI. Plain
 * http is refused on purpose: a session's video link is private, and the database keeps only https.
 */
final class VideoLinks {

	static final int MAX_LENGTH = 500;

	private VideoLinks() {
	}

	/** Why this is not a usable video link, in words for the person who typed it; empty when it is. */
	static Optional<String> problemWith(String link) {
		if (link.length() > MAX_LENGTH) {
			return Optional.of("A video link has at most " + MAX_LENGTH + " characters.");
		}
		return parse(link).isPresent() ? Optional.empty()
				: Optional.of("Enter the full video link as your video service shows it, starting with https:// "
						+ "(no spaces or characters such as | or \" in it).");
	}

	/** The link as an absolute https URI, or empty when it is not one. */
	static Optional<URI> parse(String link) {
		try {
			var uri = new URI(link);
			boolean https = uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
			return https && uri.isAbsolute() && uri.getHost() != null && !uri.getHost().isBlank() ? Optional.of(uri)
					: Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

}
