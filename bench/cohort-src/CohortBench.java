import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/cohort's driver: signs in as the practice admin, imports the file through the admin's import
 * page (the same code path as the command-line import), then reads what the app stored and prints
 * the RESULT figures; with alerts_out, writes {@code client,session,alert_type} for every alert
 * raised (a risk alert once per critical answer it holds, at that answer's session).
 */
public class CohortBench extends BenchDriver {

	private static final List<String> KEYS = List.of("clients", "deteriorators", "deteriorators_flagged_by_s3",
			"all_flagged_by_s3", "risk_answers", "risk_evidence", "alliance_alerts_per_checkin", "import_rows_per_s");

	private final Path file;

	private final String alertsOut;

	private final String secret;

	CohortBench(Map<String, String> options) {
		super(options, KEYS);
		file = Path.of(options.get("file"));
		alertsOut = options.getOrDefault("alerts_out", "");
		secret = options.get("secret");
	}

	public static void main(String[] args) {
		BenchDriver.launch(args, "CohortBench", CohortBench::new);
	}

	@Override
	void measure() throws Exception {
		var admin = new WebSession("admin@bench.rapport.test");
		signInWithCode(admin, secret);
		HttpResponse<String> page = get(admin, "/app/imports");
		expect(page, 200, "GET /app/imports");
		byte[] content = Files.readAllBytes(file);
		long lines = content.length == 0 ? 0 : new String(content, StandardCharsets.ISO_8859_1).lines().count() - 1;
		String boundary = "----cohort" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		part(body, boundary, "_csrf", csrf(page.body()));
		part(body, boundary, "therapist", "00000000-0000-7000-8000-000000000003");
		part(body, boundary, "consent", "true");
		part(body, boundary, "mode", "import");
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long t0 = System.nanoTime();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/app/imports"))
			.timeout(Duration.ofHours(2))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		admin.addCookies(request);
		HttpResponse<String> imported = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		double seconds = (System.nanoTime() - t0) / 1e9;
		expect(imported, 200, "POST /app/imports");
		if (!imported.body().contains("<h2>Imported</h2>")) {
			throw new IllegalStateException("the file was not imported: " + problems(imported.body()));
		}
		System.out.printf(Locale.ROOT, "cohort: imported %d rows in %.1f s%n", lines, seconds);
		try (Connection db = db()) {
			long clients = one(db, "select count(*) from client where external_id is not null");
			long deteriorators = one(db, DETERIORATORS + " select count(*) from worse");
			long deterioratorsFlagged = one(db, DETERIORATORS + " select count(*) from worse w where exists ("
					+ FLAGGED_BY_S3 + " and a.client_id = w.client_id)");
			long flagged = one(db, "select count(distinct a.client_id) from alert a "
					+ "where a.type in ('DETERIORATION', 'OFF_TRACK') and a.session_number <= 3");
			long riskAnswers = one(db, """
					select count(*) from answer an join administration a
					  on a.practice_id = an.practice_id and a.administration_id = an.administration_id
					where a.instrument_code = 'PHQ-9' and an.item_id = 'q9' and an.value > 0""");
			long riskEvidence = one(db, "select count(*) from alert_evidence");
			long alliance = one(db, "select count(*) from alert where type = 'ALLIANCE'");
			long checkIns = one(db, "select count(*) from administration where instrument_code = 'CHECK-IN' and status = 'COMPLETED'");
			figures.put("clients", Long.toString(clients));
			figures.put("deteriorators", Long.toString(deteriorators));
			figures.put("deteriorators_flagged_by_s3", share(deterioratorsFlagged, deteriorators));
			figures.put("all_flagged_by_s3", share(flagged, clients));
			figures.put("risk_answers", Long.toString(riskAnswers));
			figures.put("risk_evidence", Long.toString(riskEvidence));
			figures.put("alliance_alerts_per_checkin", share(alliance, checkIns));
			figures.put("import_rows_per_s", f1(lines / seconds));
			if (!alertsOut.isEmpty()) {
				writeAlerts(db, Path.of(alertsOut));
			}
		}
	}

	/** Clients whose PHQ-9 ended reliably worse: last − first ≥ 6, sessions in date order. */
	private static final String DETERIORATORS = """
			with phq as (
			  select a.client_id, a.total,
			         row_number() over (partition by a.client_id order by ap.starts_at) as n,
			         count(*) over (partition by a.client_id) as of
			  from administration a
			  join appointment ap on ap.practice_id = a.practice_id and ap.appointment_id = a.appointment_id
			  where a.instrument_code = 'PHQ-9' and a.status = 'COMPLETED'),
			worse as (
			  select client_id from phq group by client_id
			  having max(total) filter (where n = of) - max(total) filter (where n = 1) >= 6)
			""";

	private static final String FLAGGED_BY_S3 = "select 1 from alert a where a.type in ('DETERIORATION', 'OFF_TRACK') "
			+ "and a.session_number <= 3";

	private void writeAlerts(Connection db, Path out) throws Exception {
		var lines = new StringBuilder("client,session,alert_type\n");
		try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
				select c.external_id, coalesce(e.session_number, a.session_number), a.type
				from alert a
				join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				left join alert_evidence e on e.practice_id = a.practice_id and e.alert_id = a.alert_id
				order by c.external_id, 2, a.type""")) {
			while (rs.next()) {
				lines.append(rs.getString(1)).append(',').append(rs.getInt(2)).append(',').append(rs.getString(3)).append('\n');
			}
		}
		Files.writeString(out, lines);
		System.out.println("cohort: alerts written to " + out);
	}

	private static long one(Connection db, String sql) throws Exception {
		try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String share(long part, long whole) {
		return String.format(Locale.ROOT, "%.3f", whole == 0 ? 0.0 : (double) part / whole);
	}

	private static void part(java.io.ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	/** The problems table of the import page, as text. */
	private static String problems(String html) {
		int at = html.indexOf("id=\"problems\"");
		String part = at < 0 ? html : html.substring(at, Math.min(html.length(), at + 4000));
		return part.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

}
