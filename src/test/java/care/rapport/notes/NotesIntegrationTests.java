package care.rapport.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.audit.AuditTrail;
import care.rapport.clients.ClientId;
import care.rapport.database.DatabaseSuperuser;
import care.rapport.identity.Accounts;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.SensitiveText;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Session notes end to end over HTTP and in the database: drafts saved as you type without an old
 * tab overwriting newer text, signing that hashes and locks, addenda, co-signature of a supervised
 * therapist's notes, psychotherapy notes for their author alone, the audit trail, and a database
 * dump that shows no plaintext.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NotesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Appointments appointments;

	@Autowired
	SensitiveText sensitive;

	TestPractice practice;

	AppointmentId session;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
		session = attended(practice.clientOfA(), practice.therapistAEmail(), Duration.ofDays(2));
	}

	@Test
	void draftsAreSavedAsYouTypeAndAStaleTabNeverOverwritesNewerText() throws Exception {
		UUID tabA = UUID.randomUUID();
		UUID tabB = UUID.randomUUID();
		assertThat(autosave(tabA, 0, "Feeling calmer")).contains("\"saved\":true", "\"version\":1", "Draft saved");
		assertThat(autosave(tabA, 1, "Feeling calmer this week")).contains("\"version\":2");

		MvcResult stale = mvc.perform(autosaveRequest(tabB, 1, "Old text from another tab")).andReturn();
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		// A refusal is a problem detail with a stable code, which static/js/notes.js shows as "Not saved — …".
		assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(stale.getResponse().getContentAsString()).contains("\"code\":\"NOTE_CHANGED\"",
				"changed in another tab", "\"stop\":true", "\"saved\":false");
		assertThat(storedSection("subjective")).isEqualTo("Feeling calmer this week");

		// The same tab whose reply was lost may save from its older version: it wrote the newer one.
		assertThat(autosave(tabA, 1, "Feeling calmer this week, sleeping better")).contains("\"version\":3");

		// Without script, the stale tab gets its text back next to the newer version, nothing overwritten.
		MvcResult form = mvc.perform(asTherapistA(post(notePath())).param("template", "SOAP")
			.param("version", "1")
			.param("editor", tabB.toString())
			.param("section.subjective", "Old text from another tab")).andReturn();
		assertThat(form.getResponse().getStatus()).isEqualTo(409);
		assertThat(form.getResponse().getContentAsString()).contains("Old text from another tab",
				"The newer version", "Feeling calmer this week, sleeping better", "name=\"version\" value=\"3\"");
		assertThat(storedSection("subjective")).isEqualTo("Feeling calmer this week, sleeping better");

		String page = mvc.perform(get(notePath()).with(practice.as(practice.therapistAEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Draft saved", "Feeling calmer this week, sleeping better", "data-keep",
				"data-autosave=");
		assertThat(audited("NOTE_DRAFTED")).isEqualTo(3);
	}

	@Test
	void theSaveDraftButtonWorksWithoutScriptAndSectionsHaveALimit() throws Exception {
		mvc.perform(asTherapistA(post(notePath())).param("template", "DAP")
			.param("version", "0")
			.param("section.data", "Client described a difficult week at work."))
			.andReturn();
		assertThat(storedSection("data")).isEqualTo("Client described a difficult week at work.");

		String tooLong = "a".repeat(ProgressNotes.MAX_SECTION + 1);
		String page = mvc.perform(asTherapistA(post(notePath())).param("template", "DAP")
			.param("version", "1")
			.param("section.data", "Client described a difficult week at work.")
			.param("section.plan", tooLong)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Please keep Plan to 20,000 characters; it has 20,001", tooLong);
		assertThat(storedSection("plan")).isEmpty();
	}

	@Test
	void changingTheTemplateMovesTextUnderItsOldHeadingSoNothingIsLost() throws Exception {
		UUID tab = UUID.randomUUID();
		autosave(tab, 0, "Reports low mood");
		mvc.perform(asTherapistA(post(notePath())).param("template", "DAP")
			.param("change", "template")
			.param("version", "1")
			.param("editor", tab.toString())
			.param("section.subjective", "Reports low mood")
			.param("section.plan", "Behavioural activation"))
			.andReturn();
		assertThat(storedSection("data")).isEqualTo("Subjective:\nReports low mood");
		assertThat(storedSection("plan")).isEqualTo("Behavioural activation");
	}

	@Test
	void signingRecordsSignerTimeAndTheHashOfTheTextAndLocksTheNote() throws Exception {
		String missingPlan = mvc.perform(asTherapistA(post(notePath() + "/sign")).param("template", "SOAP")
			.param("version", "0")
			.param("section.subjective", "Sleeping better")
			.param("section.objective", "PHQ-9 11")
			.param("section.assessment", "Improving")).andReturn().getResponse().getContentAsString();
		assertThat(missingPlan).contains("Write the Plan before signing");
		assertThat(noteRows()).isZero();

		signSoap("Sleeping better\r\n", " PHQ-9 11", "Improving", "Continue CBT-I");

		var row = jdbc.sql("select signed_by, signed_at, content_hash from progress_note where appointment_id = :a")
			.param("a", session.value())
			.query((rs, n) -> Map.of("by", rs.getObject(1, UUID.class), "at", rs.getTimestamp(2), "hash",
					rs.getString(3)))
			.single();
		assertThat(row.get("by")).isEqualTo(practice.user(practice.therapistAEmail()).id().value());
		assertThat(row.get("hash")).isEqualTo(sha256("rapport-progress-note/1\nSOAP\n"
				+ "section subjective 15\nSleeping better\n" + "section objective 8\nPHQ-9 11\n"
				+ "section assessment 9\nImproving\n" + "section plan 14\nContinue CBT-I\n"));

		String page = therapistAPage();
		assertThat(page).contains("Signed by " + practice.user(practice.therapistAEmail()).displayName(),
				(String) row.get("hash"), "Verified just now: intact", "Locked");
		assertThat(page).doesNotContain("id=\"note-form\"");
	}

	@Test
	void editingASignedNoteIsRefusedOverHttpAndByTheDatabase() throws Exception {
		signSoap("Sleeping better", "PHQ-9 11", "Improving", "Continue CBT-I");
		byte[] signed = sectionsCiphertext();

		MvcResult form = mvc.perform(asTherapistA(post(notePath())).param("template", "SOAP")
			.param("version", "2")
			.param("section.subjective", "Rewritten after the fact")).andReturn();
		assertThat(form.getResponse().getStatus()).isEqualTo(409);
		assertThat(form.getResponse().getContentAsString()).contains("This note is signed; add an addendum instead",
				"Rewritten after the fact");
		MvcResult typed = mvc.perform(autosaveRequest(UUID.randomUUID(), 2, "Rewritten by autosave")).andReturn();
		assertThat(typed.getResponse().getStatus()).isEqualTo(409);
		assertThat(typed.getResponse().getContentAsString()).contains("This note is signed; add an addendum instead");
		MvcResult resigned = mvc.perform(asTherapistA(post(notePath() + "/sign")).param("template", "SOAP")
			.param("section.subjective", "Other").param("section.objective", "Other")
			.param("section.assessment", "Other").param("section.plan", "Other")).andReturn();
		assertThat(resigned.getResponse().getStatus()).isEqualTo(409);
		assertThat(sectionsCiphertext()).isEqualTo(signed);

		assertThatThrownBy(() -> jdbc.sql("update progress_note set sections = :s where appointment_id = :a")
			.param("s", sensitive.encrypt(practice.practice().id(), "progress_note.sections", "{}"))
			.param("a", session.value())
			.update()).hasMessageContaining("This note is signed; add an addendum instead");
		assertThatThrownBy(() -> jdbc.sql("update progress_note set content_hash = :h where appointment_id = :a")
			.param("h", "0".repeat(64))
			.param("a", session.value())
			.update()).hasMessageContaining("This note is signed");
		assertThatThrownBy(() -> jdbc.sql("delete from progress_note where appointment_id = :a")
			.param("a", session.value())
			.update()).hasMessageContaining("This note is signed");
		assertThat(sectionsCiphertext()).isEqualTo(signed);
	}

	@Test
	void textChangedBehindRapportsBackShowsAsAltered() throws Exception {
		signSoap("Sleeping better", "PHQ-9 11", "Improving", "Continue CBT-I");
		// Someone with database superuser rights switches the lock off and rewrites the text.
		DatabaseSuperuser.behindTheTriggers(context, superuser -> {
			superuser.sql("update progress_note set sections = :s where appointment_id = :a")
				.param("s", sensitive.encrypt(practice.practice().id(), "progress_note.sections",
						"{\"subjective\":\"Sleeping badly\",\"objective\":\"PHQ-9 11\",\"assessment\":\"Improving\",\"plan\":\"Continue CBT-I\"}"))
				.param("a", session.value())
				.update();
		});
		assertThat(therapistAPage()).contains("Sleeping badly", "ALTERED").doesNotContain("intact.");
	}

	@Test
	void addendaAreDatedHashedShownUnderTheNoteAndAppendOnly() throws Exception {
		mvc.perform(asTherapistA(post(notePath() + "/addenda")).param("text", "Too early"))
			.andReturn();
		assertThat(addendaCount()).isZero();
		signSoap("Sleeping better", "PHQ-9 11", "Improving", "Continue CBT-I");
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(asTherapistA(post(notePath() + "/addenda")).param("text", "Client phoned: slept 7 hours.")
				.param("key", key)).andReturn();
		}
		assertThat(addendaCount()).isEqualTo(1);

		var addendum = jdbc.sql("""
				select d.author_id, d.written_at, d.content_hash, n.content_hash from note_addendum d
				join progress_note n on n.practice_id = d.practice_id and n.note_id = d.note_id
				where n.appointment_id = :a""")
			.param("a", session.value())
			.query((rs, n) -> ContentHash.ofAddendum(rs.getString(4), new UserId(rs.getObject(1, UUID.class)),
					rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), "Client phoned: slept 7 hours.")
					.equals(rs.getString(3)))
			.single();
		assertThat(addendum).as("the stored hash is that of the text, author, time and note").isTrue();
		String page = therapistAPage();
		assertThat(page).contains("Client phoned: slept 7 hours.", "Added by", "intact");
		assertThat(page.indexOf("Client phoned")).isGreaterThan(page.indexOf("Continue CBT-I"));

		// Rapport's database role may not change or remove addenda, and the table's triggers refuse even a superuser.
		assertThatThrownBy(() -> jdbc.sql("update note_addendum set content_hash = :h").param("h", "0".repeat(64)).update())
			.rootCause()
			.hasMessageContaining("permission denied for table note_addendum");
		assertThatThrownBy(() -> jdbc.sql("delete from note_addendum").update()).rootCause()
			.hasMessageContaining("permission denied for table note_addendum");
		try (var superuser = DatabaseSuperuser.connect(context)) {
			assertThatThrownBy(() -> superuser.jdbc().sql("delete from note_addendum").update())
				.hasMessageContaining("append-only");
		}
		assertThat(audited("NOTE_ADDENDUM_ADDED")).isEqualTo(1);
	}

	@Test
	void aSupervisedTherapistsNoteAwaitsItsSupervisorsCoSignatureAndOnlyTheirs() throws Exception {
		signSoap("Sleeping better", "PHQ-9 11", "Improving", "Continue CBT-I");
		String supervisorName = practice.user(practice.supervisorEmail()).displayName();
		assertThat(therapistAPage()).contains("Awaiting co-signature by " + supervisorName);
		assertThat(noteState()).isEqualTo("AWAITING");
		assertThat(page("/app/notes/cosign", practice.supervisorEmail())).contains("Review and co-sign",
				practice.user(practice.clientAEmail()).displayName());
		assertThat(page("/app/notes/cosign", practice.therapistBEmail())).doesNotContain("Review and co-sign");
		String hash = jdbc.sql("select content_hash from progress_note where appointment_id = :a")
			.param("a", session.value())
			.query(String.class)
			.single();

		assertThat(cosignAs(practice.therapistAEmail(), hash)).isEqualTo(403);
		assertThat(cosignAs(practice.therapistBEmail(), hash)).isEqualTo(404);
		assertThat(cosignAs(practice.adminEmail(), hash)).isEqualTo(404);
		assertThat(cosignAs(otherSupervisor(), hash)).isEqualTo(404);
		assertThat(noteState()).isEqualTo("AWAITING");

		assertThat(cosignAs(practice.supervisorEmail(), hash)).isEqualTo(302);
		assertThat(noteState()).isEqualTo("COSIGNED");
		assertThat(jdbc.sql("select cosigned_by from progress_note where appointment_id = :a")
			.param("a", session.value())
			.query(UUID.class)
			.single()).isEqualTo(practice.user(practice.supervisorEmail()).id().value());
		assertThat(therapistAPage()).contains("Co-signed by " + supervisorName);
		assertThat(page("/app/notes/cosign", practice.supervisorEmail())).doesNotContain("Review and co-sign");
		assertThatThrownBy(() -> jdbc.sql("update progress_note set cosigned_at = now() where appointment_id = :a")
			.param("a", session.value())
			.update()).hasMessageContaining("already co-signed");
		assertThat(audited("NOTE_COSIGNED")).isEqualTo(1);
	}

	@Test
	void aLicensedTherapistsNoteNeedsNoCoSignature() throws Exception {
		AppointmentId ofB = attended(practice.clientOfB(), practice.therapistBEmail(), Duration.ofDays(1));
		String path = "/app/clients/" + practice.clientOfB() + "/appointments/" + ofB + "/note";
		mvc.perform(post(path + "/sign").with(csrf())
			.with(practice.as(practice.therapistBEmail()))
			.param("template", "FREE_TEXT")
			.param("section.text", "Grief work; client tearful but engaged. Next week: letter to her mother."))
			.andReturn();
		assertThat(jdbc.sql("select cosign_required from progress_note where appointment_id = :a")
			.param("a", ofB.value())
			.query(Boolean.class)
			.single()).isFalse();
		String sessions = page("/app/clients/" + practice.clientOfB() + "/sessions", practice.therapistBEmail());
		assertThat(sessions).contains(">Signed<").doesNotContain("Awaiting co-signature");
		assertThat(page(path, practice.therapistBEmail())).doesNotContain("Awaiting co-signature")
			.doesNotContain("Co-sign this note");
	}

	@Test
	void thePsychotherapyNoteIsVisibleToItsAuthorAlone() throws Exception {
		String marker = "PROCESS-" + UUID.randomUUID();
		assertThat(mvc.perform(asTherapistA(post(processPath())).param("text", "Countertransference: " + marker)
			.param("version", "0")).andReturn().getResponse().getStatus()).isEqualTo(302);

		assertThat(therapistAPage()).contains(marker, "Private to you.", "Not part of the client");
		assertThat(page(notePath(), practice.supervisorEmail())).doesNotContain(marker, "Psychotherapy note");
		assertThat(status(get(notePath()), practice.adminEmail())).isEqualTo(404);
		assertThat(status(get(notePath()), practice.therapistBEmail())).isEqualTo(404);
		assertThat(status(get(notePath()), practice.clientAEmail())).isEqualTo(403);
		for (String other : List.of(practice.supervisorEmail(), practice.adminEmail(), practice.therapistBEmail())) {
			assertThat(status(post(processPath()).param("text", "overwrite"), other)).as(other).isEqualTo(404);
		}
		assertThat(page("/app/clients/" + practice.clientOfA() + "/progress", practice.therapistAEmail()))
			.doesNotContain(marker);
		assertThat(page("/app/clients/" + practice.clientOfA(), practice.therapistAEmail())).doesNotContain(marker);

		var history = context.getBean(AuditTrail.class)
			.accessHistory(practice.practice().id(), practice.clientOfA().value(),
					practice.user(practice.clientAEmail()).id().value());
		assertThat(history).noneMatch(e -> e.action().name().startsWith("PSYCHOTHERAPY"));
		assertThat(audited("PSYCHOTHERAPY_NOTE_SAVED")).isEqualTo(1);
		assertThat(audited("PSYCHOTHERAPY_NOTE_VIEWED")).isGreaterThanOrEqualTo(1);
		assertThat(auditDetails()).noneMatch(d -> d.contains(marker));
	}

	@Test
	void everyReadAndChangeIsAuditedAndReadsShowInTheClientsAccessHistory() throws Exception {
		signSoap("Sleeping better", "PHQ-9 11", "Improving", "Continue CBT-I");
		therapistAPage();
		page(notePath(), practice.supervisorEmail());

		var reads = jdbc.sql("""
				select actor_role from audit_event where practice_id = :p and client_id = :c and action = 'NOTE_VIEWED'""")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.list();
		assertThat(reads).contains("THERAPIST", "SUPERVISOR");
		assertThat(audited("NOTE_SIGNED")).isEqualTo(1);
		assertThat(page("/me/access-history", practice.clientAEmail())).contains("read a session note");
		assertThat(auditDetails()).noneMatch(d -> d.contains("Sleeping better") || d.contains("CBT-I"));
	}

	@Test
	void aDumpOfTheNoteTablesHoldsNoPlaintext() throws Exception {
		String marker = "Zebrafinch-" + UUID.randomUUID();
		signSoap("Talked about " + marker, "Calm, " + marker, "Stable " + marker, "Review " + marker);
		mvc.perform(asTherapistA(post(notePath() + "/addenda")).param("text", "Addendum " + marker)).andReturn();
		mvc.perform(asTherapistA(post(processPath())).param("text", "Private " + marker)).andReturn();
		assertThat(therapistAPage()).contains("Talked about " + marker, "Addendum " + marker, "Private " + marker);

		byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
		List<String> leaks = new ArrayList<>();
		for (String table : List.of("progress_note", "note_addendum", "psychotherapy_note", "audit_event")) {
			var rows = jdbc.sql("select * from " + table + " where practice_id = :p")
				.param("p", practice.practice().id().value())
				.query()
				.listOfRows();
			assertThat(rows).as(table).isNotEmpty();
			for (var row : rows) {
				row.forEach((column, value) -> {
					byte[] bytes = value instanceof byte[] raw ? raw
							: String.valueOf(value).getBytes(StandardCharsets.UTF_8);
					if (indexOf(bytes, needle) >= 0) {
						leaks.add(table + "." + column);
					}
				});
			}
		}
		assertThat(leaks).as("columns holding the plaintext").isEmpty();
	}

	@Test
	void theListOfNotesToWriteShowsAttendedSessionsWithoutASignedNoteOldestFirst() throws Exception {
		AppointmentId recent = session;
		AppointmentId older = attended(practice.clientOfA(), practice.therapistAEmail(), Duration.ofDays(9));
		AppointmentId signedOne = attended(practice.clientOfA(), practice.therapistAEmail(), Duration.ofDays(16));
		appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().plus(Duration.ofDays(3)),
				Duration.ofMinutes(50));
		session = signedOne;
		signSoap("s", "o", "a", "p");

		String list = page("/app/notes", practice.therapistAEmail());
		String rows = list.substring(list.indexOf("id=\"notes-to-write\""), list.indexOf("</table>"));
		assertThat(rows).contains("/appointments/" + older + "/note", "/appointments/" + recent + "/note")
			.doesNotContain("/appointments/" + signedOne + "/note");
		assertThat(rows.indexOf(older.toString())).isLessThan(rows.indexOf(recent.toString()));
		assertThat(list).contains("2 sessions need a signed note");
		assertThat(page("/app/notes", practice.adminEmail())).contains("practice admins do not see them")
			.doesNotContain("/note\"");
	}

	@Test
	void theSessionsPageShowsEachNotesStateToTheCareTeamOnly() throws Exception {
		AppointmentId draft = attended(practice.clientOfA(), practice.therapistAEmail(), Duration.ofDays(9));
		AppointmentId signedOne = attended(practice.clientOfA(), practice.therapistAEmail(), Duration.ofDays(16));
		String sessionsPath = "/app/clients/" + practice.clientOfA() + "/sessions";
		session = draft;
		autosave(UUID.randomUUID(), 0, "Half written");
		session = signedOne;
		signSoap("s", "o", "a", "p");

		String page = page(sessionsPath, practice.therapistAEmail());
		assertThat(page).contains("<th scope=\"col\">Note</th>", ">Write note<", ">Draft<", ">Awaiting co-signature<");
		assertThat(page(sessionsPath, practice.supervisorEmail())).contains(">Awaiting co-signature<", ">Draft<",
				">No note yet<");
		assertThat(page(sessionsPath, practice.adminEmail())).doesNotContain("<th scope=\"col\">Note</th>", ">Draft<");
	}

	// --- helpers

	private AppointmentId attended(ClientId client, String therapistEmail, Duration ago) {
		AppointmentId id = appointments.book(practice.practice().id(), client, practice.user(therapistEmail).id(),
				Instant.now().minus(ago).truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(50));
		appointments.attend(practice.practice().id(), id);
		return id;
	}

	private String notePath() {
		return "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/note";
	}

	private String processPath() {
		return "/app/clients/" + practice.clientOfA() + "/appointments/" + session + "/psychotherapy-note";
	}

	private MockHttpServletRequestBuilder asTherapistA(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(practice.as(practice.therapistAEmail()));
	}

	private MockHttpServletRequestBuilder autosaveRequest(UUID editor, int version, String subjective) {
		return asTherapistA(post(notePath())).header("X-Autosave", "true").header("Accept", "application/json")
			.param("template", "SOAP")
			.param("version", String.valueOf(version))
			.param("editor", editor.toString())
			.param("section.subjective", subjective);
	}

	private String autosave(UUID editor, int version, String subjective) throws Exception {
		MvcResult result = mvc.perform(autosaveRequest(editor, version, subjective)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private void signSoap(String subjective, String objective, String assessment, String plan) throws Exception {
		MvcResult result = mvc.perform(asTherapistA(post(notePath() + "/sign")).param("template", "SOAP")
			.param("section.subjective", subjective)
			.param("section.objective", objective)
			.param("section.assessment", assessment)
			.param("section.plan", plan)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
	}

	private String therapistAPage() throws Exception {
		return page(notePath(), practice.therapistAEmail());
	}

	private String page(String path, String email) throws Exception {
		MvcResult result = mvc.perform(get(path).with(practice.as(email))).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private int status(MockHttpServletRequestBuilder request, String email) throws Exception {
		return mvc.perform(request.with(csrf()).with(practice.as(email))).andReturn().getResponse().getStatus();
	}

	private int cosignAs(String email, String hash) throws Exception {
		return status(post(notePath() + "/cosign").param("hash", hash), email);
	}

	/** A second supervisor of the practice who supervises someone else. */
	private String otherSupervisor() {
		var accounts = context.getBean(Accounts.class);
		String email = "sup2-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
		UserId other = accounts.register(email, "Other Supervisor", TestPractice.PASSWORD);
		accounts.grant(practice.practice().id(), other, Role.SUPERVISOR);
		accounts.superviseBy(practice.practice().id(), other, practice.user(practice.therapistBEmail()).id());
		return email;
	}

	private String storedSection(String key) {
		byte[] sections = sectionsCiphertext();
		String json = sensitive.decrypt(practice.practice().id(), "progress_note.sections", sections);
		return tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(json)
			.path(key)
			.asString("");
	}

	private byte[] sectionsCiphertext() {
		return jdbc.sql("select sections from progress_note where appointment_id = :a")
			.param("a", session.value())
			.query(byte[].class)
			.single();
	}

	private String noteState() {
		return jdbc.sql("""
				select case when cosigned_at is not null then 'COSIGNED' when cosign_required then 'AWAITING'
				            else 'SIGNED' end from progress_note where appointment_id = :a""")
			.param("a", session.value())
			.query(String.class)
			.single();
	}

	private long noteRows() {
		return jdbc.sql("select count(*) from progress_note where appointment_id = :a")
			.param("a", session.value())
			.query(Long.class)
			.single();
	}

	private long addendaCount() {
		return jdbc.sql("select count(*) from note_addendum where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single();
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_event where practice_id = :p and action = :a")
			.param("p", practice.practice().id().value())
			.param("a", action)
			.query(Long.class)
			.single();
	}

	private List<String> auditDetails() {
		return jdbc.sql("select detail from audit_event where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
