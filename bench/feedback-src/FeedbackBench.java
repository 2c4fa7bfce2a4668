import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver of bench/feedback (see bench/README.md): "hash PASSWORD", or "run key=value ..."
 * for parts (a) to (c) against a running app and its seeded database (the commands, HTTP and
 * sign-in are {@link BenchDriver}'s, in bench/common-src).
 *
 * "run" keys, besides url, jdbc, password and out: vus, warmup and measured (submissions per virtual
 * user), page_warmup and page_measured (requests per page), and optionally app_pid, pg_pid (the
 * postmaster) and clk_tck for the CPU time per response. It reads who to sign in as, and which
 * measures are due, from the tables in schema "bench" that seed.sql made; it prints one line per
 * measured part.
 */
public class FeedbackBench extends BenchDriver {

	public static void main(String[] args) {
		BenchDriver.launch(args, "FeedbackBench", FeedbackBench::new);
	}

	// ------------------------------------------------------------------ settings

	private final int vus;

	private final int warmup;

	private final int measured;

	private final int pageWarmup;

	private final int pageMeasured;

	private final long appPid;

	private final long pgPid;

	private final double clockTick;

	FeedbackBench(Map<String, String> o) {
		super(o, RESULT_KEYS);
		vus = Integer.parseInt(o.get("vus"));
		warmup = Integer.parseInt(o.get("warmup"));
		measured = Integer.parseInt(o.get("measured"));
		pageWarmup = Integer.parseInt(o.get("page_warmup"));
		pageMeasured = Integer.parseInt(o.get("page_measured"));
		appPid = Long.parseLong(o.getOrDefault("app_pid", "0"));
		pgPid = Long.parseLong(o.getOrDefault("pg_pid", "0"));
		clockTick = 1000.0 / Long.parseLong(o.getOrDefault("clk_tck", "100"));
	}

	/** The keys of the RESULT line, in its order. */
	static final List<String> RESULT_KEYS = List.of("submit_per_s", "ceiling_per_s", "ratio", "submit_p50_ms",
			"submit_p99_ms", "dashboard_p99_ms", "progress_p99_ms");

	@Override
	void measure() throws Exception {
		double ceiling = ceiling();
		double submit = submissions();
		figures.put("submit_per_s", f1(submit));
		figures.put("ceiling_per_s", f1(ceiling));
		figures.put("ratio", String.format(Locale.ROOT, "%.2f", submit / ceiling));
		System.out.printf(Locale.ROOT, "(a) ratio app / ceiling: %.2f (aim >= 0.5)%n", submit / ceiling);
		pages();
	}

	// ------------------------------------------------------------------ who does what, from the seed

	/** A client of a virtual user (or of a ceiling thread) and the measures due for it, oldest first. */
	static final class Person extends WebSession {

		final UUID practiceId;

		/** The client's latest PHQ-9 total, which its answers stay near. */
		final double level;

		final List<UUID> due = new ArrayList<>();

		int next;

		Person(String email, UUID practiceId, double level) {
			super(email);
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
		try (Connection c = db();
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

	// ------------------------------------------------------------------ part (a), virtual users

	/** What one virtual user does with its clients; returns the time of each measured response. */
	interface VirtualUser {

		long[] run(List<Person> mine, CyclicBarrier warm) throws Exception;

	}

	/** One response for a client: a JDBC transaction (the ceiling) or a form post (the app). */
	interface Response {

		void give(Person p) throws Exception;

	}

	/** All measured responses' times, sorted, and the wall time from the common start to the last one. */
	record Measured(long[] sorted, long wall) {
	}

	/**
	 * Runs the virtual users, a thread each. When all have warmed up (the barrier), {@code whenWarm}
	 * runs and the clock starts; the measurement ends when the last user has finished.
	 */
	private Measured virtualUsers(List<List<Person>> people, String threadName, Runnable whenWarm, VirtualUser user,
			String failure) throws Exception {
		long[] start = new long[1];
		var barrier = new CyclicBarrier(vus + 1, () -> {
			whenWarm.run();
			start[0] = System.nanoTime();
		});
		var errors = new ConcurrentLinkedQueue<Throwable>();
		var latencies = new long[vus][];
		List<Thread> threads = new ArrayList<>();
		for (int v = 0; v < vus; v++) {
			int vu = v;
			threads.add(started(threadName + vu, () -> {
				try {
					latencies[vu] = user.run(people.get(vu), barrier);
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
			throw new IllegalStateException(failure, errors.peek());
		}
		return new Measured(flatten(latencies), wall);
	}

	/**
	 * A virtual user's warm-up responses, then, once every user is warm (the barrier), its measured
	 * ones, taking its clients in turn. Returns the time of each measured response.
	 */
	private long[] warmThenMeasure(List<Person> mine, CyclicBarrier warm, Response response) throws Exception {
		for (int i = 0; i < warmup; i++) {
			response.give(mine.get(i % mine.size()));
		}
		warm.await();
		long[] times = new long[measured];
		for (int i = 0; i < measured; i++) {
			Person p = mine.get((warmup + i) % mine.size());
			long t0 = System.nanoTime();
			response.give(p);
			times[i] = System.nanoTime() - t0;
		}
		return times;
	}

	// ------------------------------------------------------------------ part (a), the database ceiling

	/**
	 * What the app's commit writes, straight over JDBC: per response one transaction that marks the
	 * administration completed with its score and inserts the 9 answers (one batch), on one
	 * connection per thread.
	 */
	double ceiling() throws Exception {
		List<List<Person>> people = people("ceiling");
		double[][] cpu = new double[1][];
		Measured m = virtualUsers(people, "ceiling-", () -> cpu[0] = cpu(), (mine, warm) -> {
			try (Connection c = db()) {
				c.setAutoCommit(false);
				try (PreparedStatement update = c.prepareStatement("""
						update administration set status = 'COMPLETED', source = 'PORTAL', completed_at = ?,
						    entered_by = null, total = ?, band = ?, in_clinical_range = ?, instrument_version = '1'
						where practice_id = ? and administration_id = ?""");
						PreparedStatement insert = c.prepareStatement(
								"insert into answer (practice_id, administration_id, item_id, value) values (?, ?, ?, ?)")) {
					return warmThenMeasure(mine, warm, p -> respond(c, update, insert, p));
				}
			}
		}, "ceiling failed");
		long wall = m.wall();
		double perSecond = vus * (double) measured / (wall / 1e9);
		long[] all = m.sorted();
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
		double[][] cpu = new double[1][];
		boolean statements = statementStatistics("reset");
		Runnable whenWarm = () -> {
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
		};
		var risky = new AtomicLong();
		Measured m = virtualUsers(people, "vu-", whenWarm,
				(mine, warm) -> warmThenMeasure(mine, warm, p -> submit(p, risky)), "submission failed");
		long wall = m.wall();
		double[] cpuBefore = cpu[0];
		long alertsRaised = appAlerts() - alertsBefore[0];
		if (statements) {
			statementStatistics("keep statements_a " + vus * measured);
		}
		long[] all = m.sorted();
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
		try (Connection c = db();
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
		try (Connection c = db();
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
		try (Connection c = db();
				ResultSet rs = c.createStatement()
					.executeQuery("select therapist_email, mfa_secret, progress_client_id from bench.target")) {
			rs.next();
			email = rs.getString(1);
			secret = rs.getString(2);
			progressClient = rs.getObject(3, UUID.class);
		}
		var therapist = new WebSession(email);
		signInWithCode(therapist, secret);

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

	private long[] timePage(WebSession who, String path, String label, String statementsTable,
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

	// ------------------------------------------------------------------ page checks

	private static int count(String s, String what) {
		int n = 0;
		for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
			n++;
		}
		return n;
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

	/** The UTC time of day {@code agoNanos} ago, to find a phase in the app's log or a profile. */
	private static String clock(long agoNanos) {
		return java.time.LocalTime.now(ZoneOffset.UTC).minusNanos(agoNanos).withNano(0).toString();
	}

}
