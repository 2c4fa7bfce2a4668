package care.rapport.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every script, style sheet and icon the layout's head refers to is there (htmx used to answer 404). */
@IntegrationTest
class LayoutResourcesIntegrationTests {

	private static final Pattern REFERENCES = Pattern
		.compile("<(?:script[^>]*\\ssrc|link[^>]*\\shref)=\"(/[^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@ValueSource(strings = { "/", "/login", "/signup" })
	void everyScriptAndStyleSheetThePageRefersToAnswers200(String path) throws Exception {
		var page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		List<String> references = referencesIn(page.body());
		assertThat(references).anyMatch(reference -> reference.contains("htmx.min.js"))
			.anyMatch(reference -> reference.endsWith("rapport.css"));

		for (String reference : references) {
			var resource = http.send(HttpRequest.newBuilder(uri(reference)).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(resource.statusCode()).as("GET %s, referred to by %s", reference, path).isEqualTo(200);
		}
	}

	private static List<String> referencesIn(String html) {
		List<String> references = new ArrayList<>();
		Matcher matcher = REFERENCES.matcher(html);
		while (matcher.find()) {
			references.add(matcher.group(1));
		}
		return references;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
