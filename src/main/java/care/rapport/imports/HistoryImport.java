package care.rapport.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.ClientId;
import care.rapport.clients.ImportedClients;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.imports.HistoryFile.Problem;
import care.rapport.imports.HistoryFile.Response;
import care.rapport.imports.HistoryFile.Row;
import care.rapport.measures.HistoricalResponses;
import care.rapport.measures.InvalidAnswersException;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import care.rapport.scheduling.PastSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports measurement history for a practice admin, from the admin page and from the command line
 * alike (one code path). A dry run checks the whole file and names every row's errors; an import
 * checks it again and, only when every row is valid, records all of it in one transaction: each
 * client's sessions in order, each response scored and announced as if entered live, so
 * trajectories and alert rules run on it (the alerts it raises are historical: never e-mailed, never
 * in the inbox). Importing a file again adds nothing (its SHA-256 is kept), and a client session
 * already imported from another file is skipped.
 * <p>
 * What an admin sees of the result is administrative only: row numbers, external client ids,
 * counts and validation errors, never scores or alerts.
 */
@Service
public class HistoryImport {

	/** Files above this size are refused unread. */
	public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

	private final HistoryParser parser;

	private final ImportedClients clients;

	private final PastSessions sessions;

	private final HistoricalResponses responses;

	private final Practices practices;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	HistoryImport(HistoryParser parser, ImportedClients clients, PastSessions sessions, HistoricalResponses responses,
			Practices practices, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.parser = parser;
		this.clients = clients;
		this.sessions = sessions;
		this.responses = responses;
		this.practices = practices;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What a dry run or an import found. Administrative content only.
	 * @param lines data lines in the file
	 * @param clients distinct client ids among the valid rows
	 * @param newClients of those, clients the practice does not have yet
	 * @param sessionsToAdd client sessions that would be (or were) added
	 * @param alreadyImported client sessions skipped because they were imported before
	 * @param problems every row's errors; nothing is stored while there are any
	 * @param imported whether this was an import that stored the rows (false for a dry run)
	 * @param sameFileBefore whether this very file was imported before (then nothing is added)
	 * @param seconds how long the import took
	 */
	public record Outcome(int lines, long clients, long newClients, int sessionsToAdd, int alreadyImported,
			List<Problem> problems, boolean imported, boolean sameFileBefore, double seconds) {

		public boolean valid() {
			return problems.isEmpty();
		}

	}

	/** Checks a file without storing anything. */
	@Transactional(readOnly = true)
	public Outcome dryRun(RapportUser admin, byte[] content) {
		admin.requirePracticeAdmin();
		return check(admin.practiceId(), content, false, 0);
	}

	/**
	 * Imports a file, or stores nothing when any row is invalid.
	 * @param therapist the therapist new clients are assigned to
	 * @param consentConfirmed the admin confirms the practice holds measurement consent for these
	 * clients; required, and audited
	 */
	@Transactional
	public Outcome importFile(RapportUser admin, byte[] content, @Nullable String fileName, UserId therapist,
			boolean consentConfirmed) {
		admin.requirePracticeAdmin();
		if (!consentConfirmed) {
			throw new IllegalArgumentException("Confirm that the practice holds measurement consent for these clients.");
		}
		long started = System.nanoTime();
		PracticeId practice = admin.practiceId();
		String hash = sha256(content);
		if (imported(practice, hash)) {
			Outcome checked = check(practice, content, true, 0);
			return new Outcome(checked.lines(), checked.clients(), 0, 0, checked.lines(), List.of(), false, true,
					seconds(started));
		}
		HistoryFile file = parser.read(content);
		if (!file.valid()) {
			return check(practice, content, false, 0);
		}
		List<Problem> problems = new ArrayList<>();
		ZoneId zone = practices.get(practice).timeZone();
		var importId = Ids.next();
		jdbc.sql("""
				insert into history_import (practice_id, import_id, file_sha256, file_name, imported_by, imported_at,
				    rows_total, rows_added, clients_created, consent_confirmed)
				values (:p, :id, :hash, :name, :by, :now, :rows, 0, 0, true)""")
			.param("p", practice.value())
			.param("id", importId)
			.param("hash", hash)
			.param("name", fileName)
			.param("by", admin.id().value())
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("rows", file.lines())
			.update();
		int added = 0;
		int skipped = 0;
		var created = new java.util.HashSet<String>();
		int nextAnalyze = 50;
		for (Row row : file.rows()) {
			if (added >= nextAnalyze) {
				refreshStatistics();
				nextAnalyze *= 2;
			}
			var client = clients.findOrCreate(practice, row.client(), therapist);
			if (client.isNew()) {
				created.add(row.client());
			}
			if (!claimSession(practice, client.id(), row.session(), importId)) {
				skipped++;
				continue;
			}
			var session = sessions.recordAttended(practice, client.id(), therapist, row.date(), zone);
			for (Response response : row.responses()) {
				// check-ins are answered after the session, the rest before it
				var answeredAt = row.date()
					.atTime(response.instrumentCode().equals("CHECK-IN") ? LocalTime.of(13, 0) : LocalTime.of(11, 0))
					.atZone(zone)
					.toInstant();
				try {
					responses.record(practice, client.id(), session.episodeId(), session.appointmentId().value(),
							response.instrumentCode(), response.answers(), response.total(), answeredAt, admin.id());
				}
				catch (InvalidAnswersException | IllegalArgumentException ex) {
					problems.add(new Problem(row.line(), row.client(), ex.getMessage()));
				}
			}
			added++;
		}
		if (!problems.isEmpty()) {
			// Atomic per file: one bad response undoes everything.
			throw new RejectedFile(new Outcome(file.lines(), file.clients(), created.size(), 0, 0, problems, false,
					false, seconds(started)));
		}
		jdbc.sql("update history_import set rows_added = :added, clients_created = :created where practice_id = :p and import_id = :id")
			.param("added", added)
			.param("created", created.size())
			.param("p", practice.value())
			.param("id", importId)
			.update();
		audit.record(AuditEntry.of(practice, admin.actor(), AuditAction.HISTORY_IMPORTED,
				"Imported measurement history: " + added + " client sessions of " + file.clients() + " clients ("
						+ created.size() + " new), " + skipped
						+ " already imported; confirmed that the practice holds measurement consent for these clients"));
		return new Outcome(file.lines(), file.clients(), created.size(), added, skipped, List.of(), true, false,
				seconds(started));
	}

	/** Thrown to roll the whole file back; carries what was found. */
	public static final class RejectedFile extends RuntimeException {

		private final transient Outcome outcome;

		RejectedFile(Outcome outcome) {
			super("The file was not imported: " + outcome.problems().size() + " problems");
			this.outcome = outcome;
		}

		public Outcome outcome() {
			return outcome;
		}

	}

	private Outcome check(PracticeId practice, byte[] content, boolean sameFileBefore, double seconds) {
		HistoryFile file = parser.read(content);
		long newClients = file.rows()
			.stream()
			.map(Row::client)
			.distinct()
			.filter(client -> clients.find(practice, client).isEmpty())
			.count();
		int already = 0;
		for (Row row : file.rows()) {
			Optional<ClientId> client = clients.find(practice, row.client());
			if (client.isPresent() && sessionImported(practice, client.get(), row.session())) {
				already++;
			}
		}
		return new Outcome(file.lines(), file.clients(), newClients, file.rows().size() - already, already,
				file.problems(), false, sameFileBefore || imported(practice, sha256(content)), seconds);
	}

	/**
	 * A large import grows the tables within one transaction, which autovacuum cannot see: without
	 * fresh statistics the planner keeps the plans of near-empty tables and every history read becomes
	 * a scan of all imported rows. ANALYZE inside the transaction counts its own new rows; run at
	 * doubling row counts, it costs little. Where the app's role does not own the tables it only warns.
	 */
	private void refreshStatistics() {
		jdbc.sql("analyze client, episode, appointment, administration, answer, alert, alert_evidence, history_import_row")
			.update();
	}

	private boolean claimSession(PracticeId practice, ClientId client, int session, UUID importId) {
		return jdbc.sql("""
				insert into history_import_row (practice_id, client_id, session, import_id) values (:p, :c, :s, :i)
				on conflict do nothing""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("s", session)
			.param("i", importId)
			.update() == 1;
	}

	private boolean sessionImported(PracticeId practice, ClientId client, int session) {
		return jdbc.sql("select count(*) from history_import_row where practice_id = :p and client_id = :c and session = :s")
			.param("p", practice.value())
			.param("c", client.value())
			.param("s", session)
			.query(Integer.class)
			.single() > 0;
	}

	private boolean imported(PracticeId practice, String hash) {
		return jdbc.sql("select count(*) from history_import where practice_id = :p and file_sha256 = :h")
			.param("p", practice.value())
			.param("h", hash)
			.query(Integer.class)
			.single() > 0;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
