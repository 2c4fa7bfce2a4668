import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load driver of bench/feedback (see bench/README.md). Two commands:
 *
 * <pre>
 * hash PASSWORD          prints the {bcrypt} hash stored for every seeded account
 * run  key=value ...     parts (a) to (c) against a running app and its seeded database
 * </pre>
 *
 * "run" keys: url (the app), jdbc (the database), password, vus, warmup and measured (submissions
 * per virtual user), page_warmup and page_measured (requests per page), out (file for the figures:
 * the RESULT keys in order), and optionally app_pid, pg_pid (the postmaster) and clk_tck for the
 * CPU time per response. It reads who to sign in as, and which measures are due, from the tables in
 * schema "bench" that seed.sql made; it prints one line per measured part.
 */
public class FeedbackBench {

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("hash")) {
			System.out.println("{bcrypt}" + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(args[1],
					org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10)));
			return;
		}
		if (args.length < 1 || !args[0].equals("run")) {
			System.err.println("usage: FeedbackBench hash PASSWORD | run key=value ...");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
			int eq = arg.indexOf('=');
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		try {
			new FeedbackBench(options).run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	// ------------------------------------------------------------------ settings

	private final String url;

	private final String jdbc;

	private final String password;

	private final int vus;

	private final int warmup;

	private final int measured;

	private final int pageWarmup;

	private final int pageMeasured;

	private final Path out;

	private final long appPid;

	private final long pgPid;

	private final double clockTick;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<String, String> figures = new LinkedHashMap<>();

	FeedbackBench(Map<String, String> o) {
		url = o.get("url");
		jdbc = o.get("jdbc");
		password = o.get("password");
		vus = Integer.parseInt(o.get("vus"));
		warmup = Integer.parseInt(o.get("warmup"));
		measured = Integer.parseInt(o.get("measured"));
		pageWarmup = Integer.parseInt(o.get("page_warmup"));
		pageMeasured = Integer.parseInt(o.get("page_measured"));
		out = Path.of(o.get("out"));
		appPid = Long.parseLong(o.getOrDefault("app_pid", "0"));
		pgPid = Long.parseLong(o.getOrDefault("pg_pid", "0"));
		clockTick = 1000.0 / Long.parseLong(o.getOrDefault("clk_tck", "100"));
	}

	/** The keys of the RESULT line, in its order. */
	static final List<String> RESULT_KEYS = List.of("submit_per_s", "ceiling_per_s", "ratio", "submit_p50_ms",
			"submit_p99_ms", "dashboard_p99_ms", "progress_p99_ms");

	void run() throws Exception {
		double ceiling = ceiling();
		double submit = submissions();
		figures.put("submit_per_s", f1(submit));
		figures.put("ceiling_per_s", f1(ceiling));
		figures.put("ratio", String.format(Locale.ROOT, "%.2f", submit / ceiling));
		System.out.printf(Locale.ROOT, "(a) ratio app / ceiling: %.2f (aim >= 0.5)%n", submit / ceiling);
		pages();
		var line = new StringBuilder();
		for (String key : RESULT_KEYS) {
			line.append(line.length() == 0 ? "" : " ").append(key).append('=').append(figures.get(key));
		}
		Files.writeString(out, line + "\n");
	}

	private static Thread started(String name, Runnable body) {
		var thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	// ------------------------------------------------------------------ who does what, from the seed

	/** A client of a virtual user (or of a ceiling thread) and the measures due for it, oldest first. */
	static final class Person {

		final String email;

		final UUID practiceId;

		/** The client's latest PHQ-9 total, which its answers stay near. */
		final double level;

		final List<UUID> due = new ArrayList<>();

		final Map<String, String> cookies = new LinkedHashMap<>();

		String csrf;

		int next;

		Person(String email, UUID practiceId, double level) {
			this.email = email;
			this.practiceId = practiceId;
			this.level = level;
		}

		UUID nextDue() {
			if (next >= due.size()) {
				throw new IllegalStateException("the seed has too few due measures for " + email);
			}
			return due.get(next++);
		}

	}

	/** role "app" or "ceiling": per virtual user, its clients in slot order. */
	List<List<Person>> people(String role) throws SQLException {
		List<List<Person>> byVu = new ArrayList<>();
		for (int i = 0; i < vus; i++) {
			byVu.add(new ArrayList<>());
		}
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
				PreparedStatement clients = c.prepareStatement(
						"select vu, slot, email, practice_id, phq_level from bench.vu_client where role = ? order by vu, slot");
				PreparedStatement due = c.prepareStatement(
						"select vu, slot, administration_id from bench.due where role = ? order by vu, slot, seq")) {
			clients.setString(1, role);
			try (ResultSet rs = clients.executeQuery()) {
				while (rs.next()) {
					byVu.get(rs.getInt(1)).add(new Person(rs.getString(3), rs.getObject(4, UUID.class), rs.getDouble(5)));
				}
			}
			due.setString(1, role);
			try (ResultSet rs = due.executeQuery()) {
				while (rs.next()) {
					byVu.get(rs.getInt(1)).get(rs.getInt(2)).due.add(rs.getObject(3, UUID.class));
				}
			}
		}
		return byVu;
	}

	// ------------------------------------------------------------------ answers

	/**
	 * A PHQ-9 response near the client's level: items 1-8 share it with stochastic rounding (as in
	 * the seed); item 9 is above 0 in 2 % of responses (a risk alert, with an e-mail to the therapist).
	 */
	static int[] phq9Answers(double level) {
		var random = ThreadLocalRandom.current();
		int[] values = new int[9];
		for (int i = 0; i < 8; i++) {
			values[i] = (int) Math.min(3, Math.floor(level / 8 + random.nextDouble()));
		}
		values[8] = random.nextInt(100) < 2 ? 1 : 0;
		return values;
	}

	static String phq9Band(int total) {
		return total <= 4 ? "Minimal" : total <= 9 ? "Mild" : total <= 14 ? "Moderate"
				: total <= 19 ? "Moderately severe" : "Severe";
	}

	// ------------------------------------------------------------------ part (a), the database ceiling

	/**
	 * What the app's commit writes, straight over JDBC: per response one transaction that marks the
	 * administration completed with its score and inserts the 9 answers (one batch), on one
	 * connection per thread.
	 */
	double ceiling() throws Exception {
		List<List<Person>> people = people("ceiling");
		long[] start = new long[1];
		double[][] cpu = new double[1][];
		var barrier = new CyclicBarrier(vus + 1, () -> {
			cpu[0] = cpu();
			start[0] = System.nanoTime();
		});
		var errors = new ConcurrentLinkedQueue<Throwable>();
		var latencies = new long[vus][];
		List<Thread> threads = new ArrayList<>();
		for (int v = 0; v < vus; v++) {
			int vu = v;
			threads.add(started("ceiling-" + vu, () -> {
				try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
					c.setAutoCommit(false);
					try (PreparedStatement update = c.prepareStatement("""
							update administration set status = 'COMPLETED', source = 'PORTAL', completed_at = ?,
							    entered_by = null, total = ?, band = ?, in_clinical_range = ?, instrument_version = '1'
							where practice_id = ? and administration_id = ?""");
							PreparedStatement insert = c.prepareStatement(
									"insert into answer (practice_id, administration_id, item_id, value) values (?, ?, ?, ?)")) {
						List<Person> mine = people.get(vu);
						for (int i = 0; i < warmup; i++) {
							Person p = mine.get(i % mine.size());
							respond(c, update, insert, p);
						}
						barrier.await();
						long[] times = new long[measured];
						for (int i = 0; i < measured; i++) {
							Person p = mine.get((warmup + i) % mine.size());
							long t0 = System.nanoTime();
							respond(c, update, insert, p);
							times[i] = System.nanoTime() - t0;
						}
						latencies[vu] = times;
					}
				}
				catch (Throwable ex) {
					errors.add(ex);
					barrier.reset();
				}
			}));
		}
		barrier.await();
		for (Thread t : threads) {
			t.join();
		}
		long wall = System.nanoTime() - start[0];
		if (!errors.isEmpty()) {
			throw new IllegalStateException("ceiling failed", errors.peek());
		}
		double perSecond = vus * (double) measured / (wall / 1e9);
		long[] all = flatten(latencies);
		System.out.printf(Locale.ROOT,
				"(a) ceiling: %d responses over JDBC by %d threads in %.1f s: %.1f/s; per transaction p50 %.1f ms, p99 %.1f ms%n",
				all.length, vus, wall / 1e9, perSecond, ms(percentile(all, 50)), ms(percentile(all, 99)));
		printCpu("(a) ceiling", cpu[0], all.length, wall);
		return perSecond;
	}

	private static void respond(Connection c, PreparedStatement update, PreparedStatement insert, Person p)
			throws SQLException {
		UUID practice = p.practiceId;
		UUID administration = p.nextDue();
		int[] values = phq9Answers(p.level);
		int total = Arrays.stream(values).sum();
		update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
		update.setBigDecimal(2, BigDecimal.valueOf(total));
		update.setString(3, phq9Band(total));
		update.setBoolean(4, total >= 10);
		update.setObject(5, practice);
		update.setObject(6, administration);
		if (update.executeUpdate() != 1) {
			throw new IllegalStateException("no due administration " + administration);
		}
		for (int i = 0; i < values.length; i++) {
			insert.setObject(1, practice);
			insert.setObject(2, administration);
			insert.setString(3, "q" + (i + 1));
			insert.setInt(4, values[i]);
			insert.addBatch();
		}
		insert.executeBatch();
		c.commit();
	}

	// ------------------------------------------------------------------ part (a), over HTTP

	/**
	 * Each virtual user signs in as its clients (one session each), then posts due PHQ-9 forms,
	 * taking its clients in turn: warm-up, then the measured posts, all users starting together.
	 */
	double submissions() throws Exception {
		List<List<Person>> people = people("app");
		long t0 = System.nanoTime();
		List<Thread> signIns = new ArrayList<>();
		var errors = new ConcurrentLinkedQueue<Throwable>();
		for (List<Person> mine : people) {
			signIns.add(started("sign-in", () -> {
				try {
					for (Person p : mine) {
						signInClient(p);
					}
				}
				catch (Throwable ex) {
					errors.add(ex);
				}
			}));
		}
		for (Thread t : signIns) {
			t.join();
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("client sign-in failed", errors.peek());
		}
		int clients = people.stream().mapToInt(List::size).sum();
		System.out.printf(Locale.ROOT, "(a) %d clients signed in (%d per virtual user) in %.1f s%n", clients,
				people.get(0).size(), (System.nanoTime() - t0) / 1e9);

		// when every user has finished its warm-up: count the alerts so far, then start the clock
		long[] alertsBefore = new long[1];
		long[] start = new long[1];
		double[][] cpu = new double[1][];
		boolean statements = statementStatistics("reset");
		var barrier = new CyclicBarrier(vus + 1, () -> {
			try {
				alertsBefore[0] = appAlerts();
				if (statements) {
					statementStatistics("reset");
				}
				cpu[0] = cpu();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			start[0] = System.nanoTime();
		});
		var latencies = new long[vus][];
		var risky = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int v = 0; v < vus; v++) {
			int vu = v;
			threads.add(started("vu-" + vu, () -> {
				try {
					List<Person> mine = people.get(vu);
					for (int i = 0; i < warmup; i++) {
						submit(mine.get(i % mine.size()), risky);
					}
					barrier.await();
					long[] times = new long[measured];
					for (int i = 0; i < measured; i++) {
						Person p = mine.get((warmup + i) % mine.size());
						long t = System.nanoTime();
						submit(p, risky);
						times[i] = System.nanoTime() - t;
					}
					latencies[vu] = times;
				}
				catch (Throwable ex) {
					errors.add(ex);
					barrier.reset();
				}
			}));
		}
		barrier.await();
		for (Thread t : threads) {
			t.join();
		}
		long wall = System.nanoTime() - start[0];
		double[] cpuBefore = cpu[0];
		if (!errors.isEmpty()) {
			throw new IllegalStateException("submission failed", errors.peek());
		}
		long alertsRaised = appAlerts() - alertsBefore[0];
		if (statements) {
			statementStatistics("keep statements_a " + vus * measured);
		}
		long[] all = flatten(latencies);
		double perSecond = vus * (double) measured / (wall / 1e9);
		double p50 = ms(percentile(all, 50));
		double p99 = ms(percentile(all, 99));
		System.out.printf(Locale.ROOT,
				"(a) app: %d form posts by %d virtual users in %.1f s (after %d warm-up posts): %.1f/s; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d of all posts with PHQ-9 item 9 > 0; %d alerts raised during the measured posts (%s to %s UTC)%n",
				all.length, vus, wall / 1e9, vus * warmup, perSecond, p50, ms(percentile(all, 90)), p99,
				ms(all[all.length - 1]), risky.get(), alertsRaised, clock(wall), clock(0));
		printCpu("(a) app", cpuBefore, all.length, wall);
		figures.put("submit_p50_ms", f1(p50));
		figures.put("submit_p99_ms", f1(p99));
		return perSecond;
	}

	/**
	 * With pg_stat_statements loaded (BENCH_EXPLAIN=1): "reset" clears its figures; "keep TABLE N"
	 * copies them to bench.TABLE with N, the number of requests, for explain.sql.
	 * @return whether the extension is there
	 */
	private boolean statementStatistics(String what) throws SQLException {
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
				var st = c.createStatement()) {
			try (ResultSet rs = st.executeQuery("select count(*) from pg_extension where extname = 'pg_stat_statements'")) {
				rs.next();
				if (rs.getInt(1) == 0) {
					return false;
				}
			}
			if (what.equals("reset")) {
				st.execute("select pg_stat_statements_reset()");
			}
			else {
				String[] keep = what.split(" ");
				st.execute("create table bench." + keep[1] + " as select " + Long.parseLong(keep[2])
						+ " as requests, calls, total_exec_time, rows, query from pg_stat_statements"
						+ " where dbid = (select oid from pg_database where datname = current_database())");
			}
			return true;
		}
	}

	/** Alerts the app raised (seeded ones have no administration). */
	private long appAlerts() throws SQLException {
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
				ResultSet rs = c.createStatement()
					.executeQuery("select count(*) from alert where administration_id is not null")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void signInClient(Person p) throws Exception {
		signIn(p);
		// The form of the first due measure: the CSRF token of the signed-in session.
		HttpResponse<String> form = get(p, "/me/measures/" + p.due.get(0));
		expect(form, 200, "GET the measure form as " + p.email);
		p.csrf = csrf(form.body());
	}

	private void submit(Person p, AtomicLong risky) throws Exception {
		UUID id = p.nextDue();
		int[] values = phq9Answers(p.level);
		if (values[8] > 0) {
			risky.incrementAndGet();
		}
		var form = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			form.append("item.q").append(i + 1).append('=').append(values[i]).append('&');
		}
		form.append("_csrf=").append(enc(p.csrf));
		HttpResponse<String> response = post(p, "/me/measures/" + id, form.toString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !location.endsWith("/me/measures/" + id + "/thanks")) {
			throw new IllegalStateException("POST /me/measures/" + id + " as " + p.email + ": HTTP "
					+ response.statusCode() + " to '" + location + "'" + snippet(response.body()));
		}
	}

	// ------------------------------------------------------------------ parts (b) and (c)

	void pages() throws Exception {
		String email;
		String secret;
		UUID progressClient;
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
				ResultSet rs = c.createStatement()
					.executeQuery("select therapist_email, mfa_secret, progress_client_id from bench.target")) {
			rs.next();
			email = rs.getString(1);
			secret = rs.getString(2);
			progressClient = rs.getObject(3, UUID.class);
		}
		var therapist = new Person(email, null, 0);
		HttpResponse<String> afterPassword = signIn(therapist);
		String mfa = afterPassword.headers().firstValue("Location").orElse("");
		if (!mfa.endsWith("/login/mfa")) {
			throw new IllegalStateException("therapist sign-in: expected a redirect to /login/mfa, got '" + mfa + "'");
		}
		HttpResponse<String> mfaForm = get(therapist, "/login/mfa");
		expect(mfaForm, 200, "GET /login/mfa");
		HttpResponse<String> verified = post(therapist, "/login/mfa",
				"code=" + totp(secret, System.currentTimeMillis() / 1000 / 30) + "&_csrf=" + enc(csrf(mfaForm.body())));
		String home = verified.headers().firstValue("Location").orElse("");
		if (verified.statusCode() != 302 || !home.endsWith("/app")) {
			throw new IllegalStateException("therapist second factor: HTTP " + verified.statusCode() + " to '" + home + "'");
		}

		long[] dashboard = timePage(therapist, "/app/caseload", "(b) caseload dashboard", "statements_b", body -> {
			int rows = count(body, "/progress\"");
			if (rows != 60) {
				throw new IllegalStateException("the caseload shows " + rows + " clients, expected 60");
			}
		});
		long[] progress = timePage(therapist, "/app/clients/" + progressClient + "/progress", "(c) progress page",
				"statements_c", body -> {
					if (!body.contains("<svg")) {
						throw new IllegalStateException("the progress page has no chart");
					}
				});
		figures.put("dashboard_p99_ms", f1(ms(percentile(dashboard, 99))));
		figures.put("progress_p99_ms", f1(ms(percentile(progress, 99))));
	}

	private long[] timePage(Person who, String path, String label, String statementsTable,
			java.util.function.Consumer<String> check) throws Exception {
		for (int i = 0; i < pageWarmup; i++) {
			expect(get(who, path), 200, "GET " + path);
		}
		boolean statements = statementStatistics("reset");
		double[] cpuBefore = cpu();
		long startAll = System.nanoTime();
		long[] times = new long[pageMeasured];
		long bytes = 0;
		for (int i = 0; i < pageMeasured; i++) {
			long start = System.nanoTime();
			HttpResponse<String> page = get(who, path);
			times[i] = System.nanoTime() - start;
			expect(page, 200, "GET " + path);
			if (i == 0) {
				check.accept(page.body());
				bytes = page.body().length();
			}
		}
		long wall = System.nanoTime() - startAll;
		if (statements) {
			statementStatistics("keep " + statementsTable + " " + pageMeasured);
		}
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"%s: %d sequential GET %s (after %d warm-up, %d chars): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				label, pageMeasured, path, pageWarmup, bytes, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)),
				ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]));
		printCpu(label.substring(0, 3), cpuBefore, pageMeasured, wall);
		return sorted;
	}

	// ------------------------------------------------------------------ HTTP with one session per person

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

	/** Password step; returns the response (a redirect to /me for a client, /login/mfa for staff). */
	private HttpResponse<String> signIn(Person p) throws Exception {
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

	private HttpResponse<String> get(Person p, String path) throws IOException, InterruptedException {
		return send(p, HttpRequest.newBuilder(URI.create(url + path)).GET());
	}

	private HttpResponse<String> post(Person p, String path, String form) throws IOException, InterruptedException {
		return send(p, HttpRequest.newBuilder(URI.create(url + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(Person p, HttpRequest.Builder request) throws IOException, InterruptedException {
		request.timeout(Duration.ofSeconds(60));
		if (!p.cookies.isEmpty()) {
			var cookie = new StringBuilder();
			p.cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
			request.header("Cookie", cookie.toString());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String set : response.headers().allValues("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int eq = pair.indexOf('=');
			p.cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
		return response;
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " (expected " + status + ")"
					+ response.headers().firstValue("Location").map(l -> " to " + l).orElse("")
					+ snippet(response.body()));
		}
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no _csrf field in the page" + snippet(html));
		}
		return m.group(1);
	}

	private static String snippet(String body) {
		return body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " ");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static int count(String s, String what) {
		int n = 0;
		for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
			n++;
		}
		return n;
	}

	// ------------------------------------------------------------------ TOTP (RFC 6238: SHA-1, 6 digits, 30 s)

	static String totp(String base32Secret, long step) throws Exception {
		var mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
		byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = h[h.length - 1] & 0x0f;
		int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
				| (h[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	static byte[] base32(String s) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char ch : s.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(ch);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	// ------------------------------------------------------------------ CPU time, from /proc

	/**
	 * CPU milliseconds used so far by the app, PostgreSQL (the postmaster with the backends it has
	 * reaped, plus the live ones), this driver, and the whole machine (busy time over all CPUs).
	 */
	double[] cpu() {
		double pg = 0;
		if (pgPid > 0) {
			long[] master = procTimes(Path.of("/proc/" + pgPid + "/stat"));
			pg = master[0] + master[1] + master[2] + master[3];
			try (var dirs = Files.list(Path.of("/proc"))) {
				for (Path dir : (Iterable<Path>) dirs::iterator) {
					String name = dir.getFileName().toString();
					if (name.chars().allMatch(Character::isDigit)) {
						long[] t = procTimes(dir.resolve("stat"));
						if (t[4] == pgPid) {
							pg += t[0] + t[1];
						}
					}
				}
			}
			catch (IOException ex) {
				// a process list that cannot be read: leave the figure as it is
			}
		}
		long[] app = appPid > 0 ? procTimes(Path.of("/proc/" + appPid + "/stat")) : new long[5];
		long[] self = procTimes(Path.of("/proc/self/stat"));
		long machine = 0;
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			for (int i = 1; i < f.length && i <= 8; i++) {
				if (i != 4 && i != 5) { // idle, iowait
					machine += Long.parseLong(f[i]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			machine = 0;
		}
		return new double[] { (app[0] + app[1]) * clockTick, pg * clockTick, (self[0] + self[1]) * clockTick,
				machine * clockTick };
	}

	/** utime, stime, cutime, cstime, ppid of a process; zeros when it is gone. */
	private static long[] procTimes(Path stat) {
		try {
			String s = Files.readString(stat);
			String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
			// f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
			return new long[] { Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
					Long.parseLong(f[14]), Long.parseLong(f[1]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[5];
		}
	}

	private void printCpu(String label, double[] before, int responses, long wallNanos) {
		double[] after = cpu();
		double app = (after[0] - before[0]) / responses;
		double pg = (after[1] - before[1]) / responses;
		double self = (after[2] - before[2]) / responses;
		double machine = (after[3] - before[3]) / responses;
		double cores = (after[3] - before[3]) / (wallNanos / 1e6);
		System.out.printf(Locale.ROOT,
				"%s: CPU per response: app %.2f ms, postgres %.2f ms, this driver %.2f ms, other processes %.2f ms (machine busy %.1f of %d CPUs)%n",
				label, app, pg, self, Math.max(0, machine - app - pg - self), cores,
				Runtime.getRuntime().availableProcessors());
	}

	// ------------------------------------------------------------------ numbers

	private static long[] flatten(long[][] parts) {
		long[] all = Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
		Arrays.sort(all);
		return all;
	}

	/** Nearest-rank percentile of sorted values. */
	private static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** The UTC time of day {@code agoNanos} ago, to find a phase in the app's log or a profile. */
	private static String clock(long agoNanos) {
		return java.time.LocalTime.now(ZoneOffset.UTC).minusNanos(agoNanos).withNano(0).toString();
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static String f1(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
