import java.io.IOException;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The driver of bench/scheduling (see bench/README.md). Two commands:
 *
 * <pre>
 * hash PASSWORD          prints the {bcrypt} hash stored for every seeded account
 * run  key=value ...     the week view and the race against a running app and its seeded database
 * </pre>
 *
 * "run" keys: url (the app), jdbc (the database), password, week_warmup and week_measured
 * (requests of the week view), racers (concurrent bookings of one slot), warm_rounds and rounds
 * (races), out (file for the figures: the RESULT keys in order). Who signs in, and which clients
 * and weeks to use, comes from the tables in schema "bench" that seed.sql made.
 */
public class SchedulingBench {

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("hash")) {
			System.out.println("{bcrypt}" + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(args[1],
					org.springframework.security.crypto.bcrypt.BCrypt.gensalt(10)));
			return;
		}
		if (args.length < 1 || !args[0].equals("run")) {
			System.err.println("usage: SchedulingBench hash PASSWORD | run key=value ...");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
			int eq = arg.indexOf('=');
			options.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		try {
			new SchedulingBench(options).run();
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

	private final int weekWarmup;

	private final int weekMeasured;

	private final int racers;

	private final int warmRounds;

	private final int rounds;

	private final Path out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<String, String> figures = new LinkedHashMap<>();

	// from bench.target
	private String therapistEmail;

	private UUID therapistId;

	private String secret;

	private LocalDate firstMonday;

	private int weeks;

	private ZoneId zone;

	SchedulingBench(Map<String, String> o) {
		url = o.get("url");
		jdbc = o.get("jdbc");
		password = o.get("password");
		weekWarmup = Integer.parseInt(o.get("week_warmup"));
		weekMeasured = Integer.parseInt(o.get("week_measured"));
		racers = Integer.parseInt(o.get("racers"));
		warmRounds = Integer.parseInt(o.get("warm_rounds"));
		rounds = Integer.parseInt(o.get("rounds"));
		out = Path.of(o.get("out"));
	}

	/** The keys of the RESULT line, in its order. */
	static final List<String> RESULT_KEYS = List.of("booked_of_50", "settle_ms", "week_p50_ms", "week_p99_ms");

	void run() throws Exception {
		try (Connection c = db(); ResultSet rs = c.createStatement()
			.executeQuery("select therapist_email, therapist_id, mfa_secret, first_monday, weeks, zone from bench.target")) {
			rs.next();
			therapistEmail = rs.getString(1);
			therapistId = rs.getObject(2, UUID.class);
			secret = rs.getString(3);
			firstMonday = rs.getObject(4, LocalDate.class);
			weeks = rs.getInt(5);
			zone = ZoneId.of(rs.getString(6));
		}
		List<Person> staff = signInStaff();
		weekView(staff.get(0));
		race(staff);
		var line = new StringBuilder();
		for (String key : RESULT_KEYS) {
			line.append(line.length() == 0 ? "" : " ").append(key).append('=').append(figures.get(key));
		}
		Files.writeString(out, line + "\n");
	}

	private Connection db() throws SQLException {
		return DriverManager.getConnection(jdbc, "postgres", "");
	}

	private static Thread started(String name, Runnable body) {
		var thread = new Thread(body, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** A signed-in staff member: one session (cookies) and its CSRF token. */
	static final class Person {

		final String email;

		final Map<String, String> cookies = new LinkedHashMap<>();

		String csrf;

		Person(String email) {
			this.email = email;
		}

	}

	// ------------------------------------------------------------------ sign-in

	/**
	 * Therapist 1 and racers - 1 admins of its practice, each signed in once (password and TOTP
	 * code; a code is accepted once per account), 8 at a time. The therapist comes first.
	 */
	private List<Person> signInStaff() throws Exception {
		List<Person> staff = new ArrayList<>();
		staff.add(new Person(therapistEmail));
		for (int i = 1; i < racers; i++) {
			staff.add(new Person("admin" + i + "@bench.rapport.test"));
		}
		long t0 = System.nanoTime();
		var errors = new ConcurrentLinkedQueue<Throwable>();
		List<Thread> threads = new ArrayList<>();
		int parallel = 8;
		for (int k = 0; k < parallel; k++) {
			int first = k;
			threads.add(started("sign-in-" + k, () -> {
				try {
					for (int i = first; i < staff.size(); i += parallel) {
						signInStaff(staff.get(i));
					}
				}
				catch (Throwable ex) {
					errors.add(ex);
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("staff sign-in failed", errors.peek());
		}
		System.out.printf(Locale.ROOT, "%d staff signed in (the therapist and %d admins of its practice) in %.1f s%n",
				staff.size(), staff.size() - 1, (System.nanoTime() - t0) / 1e9);
		return staff;
	}

	private void signInStaff(Person p) throws Exception {
		HttpResponse<String> login = get(p, "/login");
		expect(login, 200, "GET /login");
		HttpResponse<String> posted = post(p, "/login",
				"email=" + enc(p.email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(login.body())));
		String mfa = posted.headers().firstValue("Location").orElse("");
		if (posted.statusCode() != 302 || !mfa.endsWith("/login/mfa")) {
			throw new IllegalStateException("sign-in as " + p.email + ": expected a redirect to /login/mfa, got HTTP "
					+ posted.statusCode() + " to '" + mfa + "'");
		}
		HttpResponse<String> mfaForm = get(p, "/login/mfa");
		expect(mfaForm, 200, "GET /login/mfa");
		HttpResponse<String> verified = post(p, "/login/mfa",
				"code=" + totp(secret, System.currentTimeMillis() / 1000 / 30) + "&_csrf=" + enc(csrf(mfaForm.body())));
		String home = verified.headers().firstValue("Location").orElse("");
		if (verified.statusCode() != 302 || !home.endsWith("/app")) {
			throw new IllegalStateException("second factor of " + p.email + ": HTTP " + verified.statusCode() + " to '"
					+ home + "'");
		}
	}

	// ------------------------------------------------------------------ week view

	/**
	 * Sequential GET /app/schedule?date=... as the therapist, taking the seeded weeks in turn (a
	 * different weekday of each), so that every request reads another week of the history.
	 */
	private void weekView(Person therapist) throws Exception {
		Pattern shown = Pattern.compile(">(\\d+)</span> sessions shown");
		long[] weekTimes = new long[weekMeasured];
		int weekChars = 0;
		for (int i = 0; i < weekWarmup + weekMeasured; i++) {
			// warm-up and measured requests both walk the weeks, from different starting points
			LocalDate date = firstMonday.plusWeeks((i * 37L) % weeks).plusDays(i % 7);
			String path = "/app/schedule?date=" + date;
			long t0 = System.nanoTime();
			HttpResponse<String> page = get(therapist, path);
			long t = System.nanoTime() - t0;
			expect(page, 200, "GET " + path);
			Matcher m = shown.matcher(page.body());
			String count = m.find() ? m.group(1) : "no count of";
			if (!count.equals("40")) {
				throw new IllegalStateException("GET " + path + " shows " + count + " sessions, expected 40");
			}
			if (i >= weekWarmup) {
				weekTimes[i - weekWarmup] = t;
			}
			if (i == 0) {
				weekChars = page.body().length();
			}
		}
		long[] sorted = weekTimes.clone();
		Arrays.sort(sorted);
		double p50 = ms(percentile(sorted, 50));
		double p99 = ms(percentile(sorted, 99));
		System.out.printf(Locale.ROOT,
				"week view: %d sequential GET /app/schedule?date=... over %d weeks of history, 40 sessions each (after %d warm-up, %d chars): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (aim p99 < 100 ms)%n",
				weekMeasured, weeks, weekWarmup, weekChars, p50, ms(percentile(sorted, 90)), p99,
				ms(sorted[sorted.length - 1]));
		figures.put("week_p50_ms", f1(p50));
		figures.put("week_p99_ms", f1(p99));
	}

	// ------------------------------------------------------------------ the race

	/** Outcome of one booking request. */
	enum Answer {
		BOOKED, REFUSED, OTHER
	}

	/**
	 * Rounds of racers concurrent bookings of one slot, each staff member for another client of
	 * therapist 1: released together by a latch; settle = from the release to the last answer.
	 * Each round takes a new slot (07:00 local on a day beyond the seeded weeks, free for sure);
	 * the warm-up rounds are not counted.
	 */
	private void race(List<Person> staff) throws Exception {
		List<UUID> clients = new ArrayList<>();
		try (Connection c = db(); ResultSet rs = c.createStatement()
			.executeQuery("select client_id from bench.client where kind = 'race' order by slot")) {
			while (rs.next()) {
				clients.add(rs.getObject(1, UUID.class));
			}
		}
		if (clients.size() < staff.size()) {
			throw new IllegalStateException("the seed has " + clients.size() + " race clients, need " + staff.size());
		}
		// each racer opens its client's sessions page: the form's CSRF token, and a warm connection
		for (int i = 0; i < staff.size(); i++) {
			HttpResponse<String> page = get(staff.get(i), "/app/clients/" + clients.get(i) + "/sessions");
			expect(page, 200, "GET the sessions page as " + staff.get(i).email);
			staff.get(i).csrf = csrf(page.body());
		}
		LocalDate firstDay = firstMonday.plusWeeks(weeks).plusDays(7);
		long[] settle = new long[rounds];
		int worstBooked = 1;
		int totalOther = 0;
		for (int r = 0; r < warmRounds + rounds; r++) {
			LocalDate day = firstDay.plusDays(r);
			Round round = raceOnce(staff, clients, day, LocalTime.of(7, 0));
			boolean measured = r >= warmRounds;
			int inDb = bookedInDb(day.atTime(7, 0).atZone(zone).toOffsetDateTime());
			System.out.printf(Locale.ROOT,
					"race %s %d: %d concurrent bookings of %s 07:00 (%s) for %d clients of the therapist: %d booked (302), %d refused (\"already has a session\"), %d other answers%s; in the database: %d; settled in %.1f ms (fastest answer %.1f ms)%n",
					measured ? "round" : "warm-up", measured ? r - warmRounds + 1 : r + 1, staff.size(), day, zone,
					staff.size(), round.booked, round.refused, round.other, round.otherSample, inDb,
					ms(round.settle), ms(round.first));
			if (round.booked != inDb) {
				System.out.printf("race: warning: %d answers said booked but the database holds %d sessions in the slot%n",
						round.booked, inDb);
			}
			if (measured) {
				settle[r - warmRounds] = round.settle;
				if (Math.abs(inDb - 1) > Math.abs(worstBooked - 1)) {
					worstBooked = inDb;
				}
				totalOther += round.other;
			}
		}
		long[] sorted = settle.clone();
		Arrays.sort(sorted);
		double median = ms(percentile(sorted, 50));
		System.out.printf(Locale.ROOT,
				"race: %d measured rounds: booked per round %s (worst %d, aim exactly 1), %d other answers; settle median %.1f ms, min %.1f ms, max %.1f ms%n",
				rounds, worstBooked == 1 ? "always 1" : "not always 1", worstBooked, totalOther, median,
				ms(sorted[0]), ms(sorted[sorted.length - 1]));
		figures.put("booked_of_50", Integer.toString(worstBooked));
		figures.put("settle_ms", f1(median));
	}

	record Round(int booked, int refused, int other, String otherSample, long settle, long first) {
	}

	private Round raceOnce(List<Person> staff, List<UUID> clients, LocalDate day, LocalTime time) throws Exception {
		int n = staff.size();
		var ready = new CountDownLatch(n);
		var go = new CountDownLatch(1);
		var answers = new Answer[n];
		var ends = new long[n];
		var samples = new String[n];
		var errors = new ConcurrentLinkedQueue<Throwable>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int k = i;
			Person p = staff.get(k);
			String path = "/app/clients/" + clients.get(k) + "/appointments";
			String form = "date=" + day + "&time=" + time + "&minutes=50&_csrf=" + enc(p.csrf);
			threads.add(started("racer-" + k, () -> {
				try {
					HttpRequest request = request(p, path)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build();
					ready.countDown();
					go.await();
					HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
					ends[k] = System.nanoTime();
					String location = response.headers().firstValue("Location").orElse("");
					if (response.statusCode() == 302 && location.endsWith("/app/clients/" + clients.get(k) + "/sessions")) {
						answers[k] = Answer.BOOKED;
					}
					else if (response.statusCode() == 200 && response.body().contains("already has a session at that time")) {
						answers[k] = Answer.REFUSED;
					}
					else {
						answers[k] = Answer.OTHER;
						samples[k] = "HTTP " + response.statusCode() + (location.isEmpty() ? "" : " to " + location)
								+ snippet(response.body());
					}
				}
				catch (Throwable ex) {
					ends[k] = System.nanoTime();
					answers[k] = Answer.OTHER;
					samples[k] = ex.toString();
					errors.add(ex);
				}
			}));
		}
		if (!ready.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the racers did not get ready");
		}
		long t0 = System.nanoTime();
		go.countDown();
		for (Thread t : threads) {
			t.join(120_000);
			if (t.isAlive()) {
				throw new IllegalStateException("a booking did not answer within 120 s");
			}
		}
		int booked = 0;
		int refused = 0;
		int other = 0;
		String sample = "";
		long last = 0;
		long first = Long.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			switch (answers[i]) {
				case BOOKED -> booked++;
				case REFUSED -> refused++;
				default -> {
					other++;
					if (sample.isEmpty()) {
						sample = " (first: " + samples[i] + ")";
					}
				}
			}
			last = Math.max(last, ends[i] - t0);
			first = Math.min(first, ends[i] - t0);
		}
		return new Round(booked, refused, other, sample, last, first);
	}

	/** Sessions of the therapist in the slot that count for double booking. */
	private int bookedInDb(OffsetDateTime startsAt) throws SQLException {
		try (Connection c = db();
				PreparedStatement st = c.prepareStatement("""
						select count(*) from appointment
						where therapist_id = ? and status in ('SCHEDULED', 'ATTENDED')
						  and tstzrange(starts_at, ends_at, '[)') && tstzrange(?, ? + interval '50 minutes', '[)')""")) {
			OffsetDateTime utc = startsAt.withOffsetSameInstant(ZoneOffset.UTC);
			st.setObject(1, therapistId);
			st.setObject(2, utc);
			st.setObject(3, utc);
			try (ResultSet rs = st.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	// ------------------------------------------------------------------ HTTP with one session per person

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

	private HttpRequest.Builder request(Person p, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
		if (!p.cookies.isEmpty()) {
			var cookie = new StringBuilder();
			p.cookies.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
			request.header("Cookie", cookie.toString());
		}
		return request;
	}

	private HttpResponse<String> get(Person p, String path) throws IOException, InterruptedException {
		return send(p, request(p, path).GET());
	}

	private HttpResponse<String> post(Person p, String path, String form) throws IOException, InterruptedException {
		return send(p, request(p, path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private HttpResponse<String> send(Person p, HttpRequest.Builder request) throws IOException, InterruptedException {
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

	// ------------------------------------------------------------------ numbers

	/** Nearest-rank percentile of sorted values. */
	private static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static String f1(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
