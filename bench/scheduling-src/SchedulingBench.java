import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver of bench/scheduling (see bench/README.md): "hash PASSWORD", or "run key=value ..." for
 * the week view and the race against a running app and its seeded database (the commands, HTTP and
 * sign-in are {@link BenchDriver}'s, in bench/common-src).
 *
 * "run" keys, besides url, jdbc, password and out: week_warmup and week_measured (requests of the
 * week view), racers (concurrent bookings of one slot), warm_rounds and rounds (races). Who signs
 * in, and which clients and weeks to use, comes from the tables in schema "bench" that seed.sql made.
 */
public class SchedulingBench extends BenchDriver {

	public static void main(String[] args) {
		BenchDriver.launch(args, "SchedulingBench", SchedulingBench::new);
	}

	// ------------------------------------------------------------------ settings

	private final int weekWarmup;

	private final int weekMeasured;

	private final int racers;

	private final int warmRounds;

	private final int rounds;

	// from bench.target
	private String therapistEmail;

	private UUID therapistId;

	private String secret;

	private LocalDate firstMonday;

	private int weeks;

	private ZoneId zone;

	SchedulingBench(Map<String, String> o) {
		super(o, RESULT_KEYS);
		weekWarmup = Integer.parseInt(o.get("week_warmup"));
		weekMeasured = Integer.parseInt(o.get("week_measured"));
		racers = Integer.parseInt(o.get("racers"));
		warmRounds = Integer.parseInt(o.get("warm_rounds"));
		rounds = Integer.parseInt(o.get("rounds"));
	}

	/** The keys of the RESULT line, in its order. */
	static final List<String> RESULT_KEYS = List.of("booked_of_50", "settle_ms", "week_p50_ms", "week_p99_ms");

	@Override
	void measure() throws Exception {
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
		List<WebSession> staff = signInStaff();
		weekView(staff.get(0));
		race(staff);
	}

	// ------------------------------------------------------------------ sign-in

	/**
	 * Therapist 1 and racers - 1 admins of its practice, each signed in once (password and TOTP
	 * code; a code is accepted once per account), 8 at a time. The therapist comes first.
	 */
	private List<WebSession> signInStaff() throws Exception {
		List<WebSession> staff = new ArrayList<>();
		staff.add(new WebSession(therapistEmail));
		for (int i = 1; i < racers; i++) {
			staff.add(new WebSession("admin" + i + "@bench.rapport.test"));
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
						signInWithCode(staff.get(i), secret);
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

	// ------------------------------------------------------------------ week view

	/**
	 * Sequential GET /app/schedule?date=... as the therapist, taking the seeded weeks in turn (a
	 * different weekday of each), so that every request reads another week of the history.
	 */
	private void weekView(WebSession therapist) throws Exception {
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
	private void race(List<WebSession> staff) throws Exception {
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

	private Round raceOnce(List<WebSession> staff, List<UUID> clients, LocalDate day, LocalTime time) throws Exception {
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
			WebSession p = staff.get(k);
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

}
