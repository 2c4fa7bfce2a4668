import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Java drivers of bench/feedback and bench/scheduling share (compiled with each of them by
 * bench/lib/app.sh): the two commands, the settings every run has, the figures of the RESULT line,
 * HTTP with one session per person including sign-in, and the numbers.
 *
 * <pre>
 * hash PASSWORD          prints the {bcrypt} hash stored for every seeded account
 * run  key=value ...     measures against a running app and its seeded database
 * </pre>
 *
 * Keys every "run" has: url (the app), jdbc (the database), password (of every seeded account) and
 * out (the file for the figures: the RESULT keys in order, written when {@link #measure} is done).
 */
abstract class BenchDriver {

	/** Runs the command of {@code args}; "run" makes the driver from its key=value options. */
	static void launch(String[] args, String name, Function<Map<String, String>, BenchDriver> driver) {
		if (args.length == 2 && args[0].equals("hash")) {
			System.out.println("{bcrypt}" + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(args[1],
					org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10)));
			return;
		}
		if (args.length < 1 || !args[0].equals("run")) {
			System.err.println("usage: " + name + " hash PASSWORD | run key=value ...");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
			int eq = arg.indexOf('=');
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		try {
			driver.apply(options).run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	// ------------------------------------------------------------------ settings and figures

	protected final String url;

	protected final String jdbc;

	protected final String password;

	private final Path out;

	private final List<String> resultKeys;

	protected final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** The figures of the RESULT line, by key. */
	protected final Map<String, String> figures = new LinkedHashMap<>();

	protected BenchDriver(Map<String, String> options, List<String> resultKeys) {
		url = options.get("url");
		jdbc = options.get("jdbc");
		password = options.get("password");
		out = Path.of(options.get("out"));
		this.resultKeys = resultKeys;
	}

	/** The measurement: prints a line per part and puts the RESULT keys into {@link #figures}. */
	abstract void measure() throws Exception;

	final void run() throws Exception {
		measure();
		var line = new StringBuilder();
		for (String key : resultKeys) {
			line.append(line.length() == 0 ? "" : " ").append(key).append('=').append(figures.get(key));
		}
		Files.writeString(out, line + "\n");
	}

	protected Connection db() throws SQLException {
		return DriverManager.getConnection(jdbc, "postgres", "");
	}

	protected static Thread started(String name, Runnable body) {
		var thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	// ------------------------------------------------------------------ sign-in

	/** Password step; returns the response (a redirect to /me for a client, /login/mfa for staff). */
	protected HttpResponse<String> signIn(WebSession p) throws Exception {
		HttpResponse<String> login = get(p, "/login");
		expect(login, 200, "GET /login");
		HttpResponse<String> posted = post(p, "/login",
				"email=" + enc(p.email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login.body())));
		String location = posted.headers().firstValue("Location").orElse("");
		if (posted.statusCode() != 302 || location.contains("/login?")) {
			throw new IllegalStateException("sign-in as " + p.email + ": HTTP " + posted.statusCode() + " to '"
					+ location + "'");
		}
		return posted;
	}

	/**
	 * Password, then the current TOTP code of {@code secret}, as staff sign in. The app accepts a code
	 * once per account, so each account signs in once.
	 */
	protected void signInWithCode(WebSession p, String secret) throws Exception {
		HttpResponse<String> afterPassword = signIn(p);
		String mfa = afterPassword.headers().firstValue("Location").orElse("");
		if (!mfa.endsWith("/login/mfa")) {
			throw new IllegalStateException("sign-in as " + p.email + ": expected a redirect to /login/mfa, got '"
					+ mfa + "'");
		}
		HttpResponse<String> mfaForm = get(p, "/login/mfa");
		expect(mfaForm, 200, "GET /login/mfa");
		HttpResponse<String> verified = post(p, "/login/mfa",
				"code=" + Totp.now(secret) + "&_csrf=" + enc(csrf(mfaForm.body())));
		String home = verified.headers().firstValue("Location").orElse("");
		if (verified.statusCode() != 302 || !home.endsWith("/app")) {
			throw new IllegalStateException("second factor of " + p.email + ": HTTP " + verified.statusCode() + " to '"
					+ home + "'");
		}
	}

	// ------------------------------------------------------------------ HTTP with one session per person

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

	/** A request of the session's, not sent yet (and the cookies it sets not kept if sent by hand). */
	protected HttpRequest.Builder request(WebSession p, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
		p.addCookies(request);
		return request;
	}

	protected HttpResponse<String> get(WebSession p, String path) throws IOException, InterruptedException {
		return send(p, request(p, path).GET());
	}

	protected HttpResponse<String> post(WebSession p, String path, String form) throws IOException, InterruptedException {
		return send(p, request(p, path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(WebSession p, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		p.keepCookies(response);
		return response;
	}

	protected static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " (expected " + status + ")"
					+ response.headers().firstValue("Location").map(l -> " to " + l).orElse("")
					+ snippet(response.body()));
		}
	}

	protected static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no _csrf field in the page" + snippet(html));
		}
		return m.group(1);
	}

	protected static String snippet(String body) {
		return body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " ");
	}

	protected static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ numbers

	/** Nearest-rank percentile of sorted values. */
	protected static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	protected static double ms(long nanos) {
		return nanos / 1e6;
	}

	protected static String f1(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
