package care.rapport.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads through the real server (Tomcat, not MockMvc): a visitor's upload is refused before its
 * body is read, a signed-in client's file still arrives, and uploads beyond the limit at once are
 * told to try again.
 */
@IntegrationTest
class UploadGuardIntegrationTests {

	private static final String BOUNDARY = "rapport-test-boundary";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Value("${rapport.uploads.concurrent}")
	int concurrentUploads;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Consents consents;

	TestPractice practice;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void aVisitorsLargeUploadIsAnsweredAndTheConnectionClosedWithoutReadingTheBody() throws Exception {
		// A session from the sign-in page, but nobody signed in: the body is 11.5 MB, of which only
		// the first 64 KB is ever sent. Before the fix the server waited for the rest (and kept it
		// in memory); now it answers at once.
		String visitor = cookieFrom(http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString()));
		try (Socket socket = partialUpload("/me/messages", visitor, 11_500_000, 64 * 1024)) {
			socket.setSoTimeout(10_000);
			String answer = readUntilClosed(socket.getInputStream());
			assertThat(answer).startsWith("HTTP/1.1 303").containsIgnoringCase("Location: /login");
		}
		assertThat(messageCount()).isZero();
	}

	@Test
	void aSignedInClientsFileStillArrives() throws Exception {
		consentToMessaging();
		String session = signInAsClient();
		String csrf = csrfTokenOf("/me/messages", session);

		var response = http.send(HttpRequest.newBuilder(uri("/me/messages"))
			.header("Cookie", session)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form(csrf, "My sleep diary", 2 * 1024 * 1024)))
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("/me/messages"));
		assertThat(messageCount()).isOne();
		assertThat(jdbc.sql("select count(*) from message_attachment where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void uploadsBeyondTheLimitAtOnceAreAskedToTryAgainLater() throws Exception {
		String session = signInAsClient();
		List<Socket> held = new ArrayList<>();
		try {
			// Each of these is being read (its body never finishes), so each holds a place.
			for (int i = 0; i < concurrentUploads; i++) {
				held.add(partialUpload("/me/messages", session, 5_000_000, 1024));
			}
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				var busy = smallUpload(session);
				assertThat(busy.statusCode()).isEqualTo(503);
				assertThat(busy.body()).contains("receiving many files right now");
				assertThat(busy.headers().firstValue("Retry-After")).isPresent();
			});
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
		// Places are given back when those uploads end, even unfinished.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(smallUpload(session).statusCode()).isNotEqualTo(503));
	}

	@Test
	void aSignedInClientsFormFarOverTheLimitGoesBackToTheThreadWithAMessageNextToTheFileField() throws Exception {
		consentToMessaging();
		String session = signInAsClient();
		var response = http.send(HttpRequest.newBuilder(uri("/me/messages"))
			.header("Cookie", session)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[13 * 1024 * 1024]))
			.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/me/messages?file=too-large#compose"));
		var page = http.send(HttpRequest.newBuilder(uri("/me/messages?file=too-large")).header("Cookie", session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body())
			.contains("id=\"file-error\">That file was larger than 10 MB, so your message was not sent.");
		assertThat(messageCount()).isZero();
	}

	/** An upload without a CSRF token: refused by the CSRF check when it gets that far, 503 when it does not. */
	private HttpResponse<String> smallUpload(String session) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri("/me/messages"))
			.header("Cookie", session)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form("", "hello", 10)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends the headers of a multipart form of {@code declared} bytes and only {@code sent} of them. */
	private Socket partialUpload(String path, String cookie, int declared, int sent) throws IOException {
		Socket socket = new Socket("localhost", port);
		OutputStream out = socket.getOutputStream();
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: " + cookie
				+ "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + declared
				+ "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.US_ASCII));
		String partHead = "--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"diary.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
		out.write(partHead.getBytes(StandardCharsets.US_ASCII));
		out.write(new byte[sent]);
		out.flush();
		return socket;
	}

	private static String readUntilClosed(InputStream in) throws IOException {
		var answer = new StringBuilder();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) != -1;) {
				answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
			}
		}
		catch (java.net.SocketException reset) {
			// The server closed a connection whose body it did not want: that is the point.
		}
		catch (java.net.SocketTimeoutException stillOpen) {
			throw new AssertionError("The connection stayed open; answered so far: " + answer, stillOpen);
		}
		return answer.toString();
	}

	private static byte[] form(String csrf, String text, int fileSize) {
		var body = new java.io.ByteArrayOutputStream();
		String fields = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
				+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n"
				+ "--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"diary.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n";
		body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
		byte[] pdf = new byte[fileSize];
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		java.util.Arrays.fill(pdf, (byte) ' ');
		System.arraycopy(header, 0, pdf, 0, Math.min(header.length, fileSize));
		if (fileSize > header.length + trailer.length) {
			System.arraycopy(trailer, 0, pdf, fileSize - trailer.length, trailer.length);
		}
		body.writeBytes(pdf);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	/** Signs client A in through the real sign-in form; answers the session cookie to send. */
	private String signInAsClient() throws IOException, InterruptedException {
		var page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
		String cookie = cookieFrom(page);
		String form = "email=" + encode(practice.clientAEmail()) + "&password=" + encode(TestPractice.PASSWORD)
				+ "&_csrf=" + encode(csrfIn(page.body()));
		var signedIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/me"));
		return cookieFrom(signedIn);
	}

	private String csrfTokenOf(String path, String cookie) throws IOException, InterruptedException {
		var page = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		return csrfIn(page.body());
	}

	private static String csrfIn(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
		return matcher.group(1);
	}

	/** The session cookie as the browser would send it back (the Secure flag keeps Java's cookie store from it). */
	private static String cookieFrom(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(value -> value.startsWith("RAPPORT_SESSION="))
			.map(value -> value.substring(0, value.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private void consentToMessaging() {
		var client = practice.user(practice.clientAEmail());
		consents.sign(client, consents.current(practice.practice().id(), ConsentKind.MESSAGING).id(),
				client.displayName());
	}

	private int messageCount() {
		return jdbc.sql("select count(*) from message where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single();
	}

}
