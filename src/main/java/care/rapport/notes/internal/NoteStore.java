package care.rapport.notes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.notes.Addendum;
import care.rapport.notes.NoteId;
import care.rapport.notes.NoteState;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNote;
import care.rapport.notes.Signature;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import care.rapport.scheduling.AppointmentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every read and write of progress notes and their addenda. The text passes through this class
 * only: the sections of a note are one JSON object encrypted with {@link SensitiveText}, each
 * addendum's text is encrypted on its own, so the database holds ciphertext only. Callers have
 * checked who may act on which note; the database itself refuses changes to signed notes and to
 * addenda (see V20__notes.sql).
 */
@Repository
public class NoteStore {

	// The field names are bound into each ciphertext as associated data: never rename them.
	static final String SECTIONS = "progress_note.sections";

	static final String ADDENDUM_TEXT = "note_addendum.text";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> SECTION_MAP = new TypeReference<>() {
	};

	private static final String NOTE = """
			select n.*, author.display_name as author_name, signer.display_name as signer_name,
			       cosigner.display_name as cosigner_name
			from progress_note n
			join user_account author on author.user_id = n.author_id
			left join user_account signer on signer.user_id = n.signed_by
			left join user_account cosigner on cosigner.user_id = n.cosigned_by
			""";

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	NoteStore(JdbcClient jdbc, SensitiveText sensitive) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
	}

	/**
	 * The note of a session with its addenda; {@code lock} holds the note's row until the caller's
	 * transaction ends, so a decision taken on it cannot race another save.
	 */
	public Optional<Stored> note(PracticeId practice, AppointmentId appointment, boolean lock) {
		Optional<Stored> note = jdbc.sql(NOTE + " where n.practice_id = :p and n.appointment_id = :a"
				+ (lock ? " for update of n" : ""))
			.param("p", practice.value())
			.param("a", appointment.value())
			.query((rs, n) -> new Stored(note(rs, practice), rs.getObject("last_editor", UUID.class)))
			.optional();
		return note.map(found -> new Stored(withAddenda(practice, found.note()), found.lastEditor()));
	}

	/** A stored note and the page that saved it last. */
	public record Stored(ProgressNote note, UUID lastEditor) {
	}

	/** Stores a new draft at version 1; 0 when the session already has a note. */
	public int insert(PracticeId practice, AppointmentId appointment, ClientId client, UserId author,
			NoteTemplate template, Map<String, String> sections, UUID editor, Instant now) {
		return jdbc.sql("""
				insert into progress_note (practice_id, note_id, appointment_id, client_id, author_id, template, sections,
				    version, last_editor, created_at, updated_at)
				values (:p, :id, :a, :c, :author, :t, :s, 1, :editor, :now, :now)
				on conflict (practice_id, appointment_id) do nothing""")
			.param("p", practice.value())
			.param("id", care.rapport.practice.Ids.next())
			.param("a", appointment.value())
			.param("c", client.value())
			.param("author", author.value())
			.param("t", template.name())
			.param("s", encrypt(practice, sections))
			.param("editor", editor)
			.param("now", utc(now))
			.update();
	}

	/** Replaces the draft's text, moving it from {@code from} to the next version; 0 when it moved on or is signed. */
	public int update(PracticeId practice, NoteId note, int from, NoteTemplate template, Map<String, String> sections,
			UUID editor, Instant now) {
		return jdbc.sql("""
				update progress_note set template = :t, sections = :s, version = version + 1, last_editor = :editor,
				    updated_at = :now
				where practice_id = :p and note_id = :n and version = :from and signed_at is null""")
			.param("t", template.name())
			.param("s", encrypt(practice, sections))
			.param("editor", editor)
			.param("now", utc(now))
			.param("p", practice.value())
			.param("n", note.value())
			.param("from", from)
			.update();
	}

	/** Signs the note at version {@code from} with its final text and hash; 0 when it moved on or is signed. */
	public int sign(PracticeId practice, NoteId note, int from, Map<String, String> sections, String hash,
			UserId signer, boolean cosignRequired, UUID editor, Instant now) {
		return jdbc.sql("""
				update progress_note set sections = :s, content_hash = :hash, signed_by = :by, signed_at = :now,
				    cosign_required = :cosign, version = version + 1, last_editor = :editor, updated_at = :now
				where practice_id = :p and note_id = :n and version = :from and signed_at is null""")
			.param("s", encrypt(practice, sections))
			.param("hash", hash)
			.param("by", signer.value())
			.param("now", utc(now))
			.param("cosign", cosignRequired)
			.param("editor", editor)
			.param("p", practice.value())
			.param("n", note.value())
			.param("from", from)
			.update();
	}

	/** Records the co-signature once; 0 when the note needs none or already has it. */
	public int cosign(PracticeId practice, NoteId note, UserId by, Instant now) {
		return jdbc.sql("""
				update progress_note set cosigned_by = :by, cosigned_at = :now
				where practice_id = :p and note_id = :n and signed_at is not null and cosign_required
				  and cosigned_at is null""")
			.param("by", by.value())
			.param("now", utc(now))
			.param("p", practice.value())
			.param("n", note.value())
			.update();
	}

	/** Appends an addendum; a repeat of the same request key stores nothing and returns false. */
	public boolean addAddendum(PracticeId practice, NoteId note, UserId author, String text, String hash,
			Instant writtenAt, UUID requestKey) {
		return jdbc.sql("""
				insert into note_addendum (practice_id, addendum_id, note_id, author_id, text, content_hash, written_at,
				    request_key)
				values (:p, :id, :n, :author, :t, :hash, :at, :key)
				on conflict (practice_id, request_key) do nothing""")
			.param("p", practice.value())
			.param("id", care.rapport.practice.Ids.next())
			.param("n", note.value())
			.param("author", author.value())
			.param("t", sensitive.encrypt(practice, ADDENDUM_TEXT, text))
			.param("hash", hash)
			.param("at", utc(writtenAt))
			.param("key", requestKey)
			.update() > 0;
	}

	/** The state of each given session's note; sessions without a note are absent. */
	public Map<AppointmentId, NoteState> states(PracticeId practice, Collection<AppointmentId> appointments) {
		Map<AppointmentId, NoteState> states = new HashMap<>();
		if (appointments.isEmpty()) {
			return states;
		}
		jdbc.sql("""
				select appointment_id, signed_at is not null as signed, cosign_required, cosigned_at is not null as cosigned
				from progress_note where practice_id = :p and appointment_id in (:a)""")
			.param("p", practice.value())
			.param("a", appointments.stream().map(AppointmentId::value).toList())
			.query((rs, n) -> states.put(new AppointmentId(rs.getObject(1, UUID.class)),
					NoteState.stored(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4))))
			.list();
		return states;
	}

	/** A session whose note is still to be written or signed, for the therapist's list. */
	public record Unsigned(AppointmentId appointmentId, ClientId clientId, String clientName, Instant startsAt,
			@Nullable Integer sessionNumber, NoteState state, @Nullable Instant draftSavedAt) {
	}

	/**
	 * Attended sessions of the therapist's own clients without a signed note, and any unsigned
	 * draft of theirs, oldest first.
	 */
	public List<Unsigned> unsigned(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				with numbered as (
				    -- session_number: given by scheduling when the session is attended, never changed.
				    select a.* from appointment a
				    where a.practice_id = :p and a.client_id in
				        (select client_id from client where practice_id = :p and therapist_id = :t))
				select a.appointment_id, a.client_id, c.display_name, a.starts_at, a.session_number,
				       n.note_id is not null as drafted, n.updated_at
				from numbered a
				join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				left join progress_note n on n.practice_id = a.practice_id and n.appointment_id = a.appointment_id
				where a.therapist_id = :t and (a.status = 'ATTENDED' or n.author_id = :t) and n.signed_at is null
				order by a.starts_at, a.appointment_id""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query((rs, n) -> new Unsigned(new AppointmentId(rs.getObject(1, UUID.class)),
					new ClientId(rs.getObject(2, UUID.class)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(),
					rs.getObject(5) == null ? null : rs.getInt(5), rs.getBoolean(6) ? NoteState.DRAFT : NoteState.NONE,
					rs.getObject(7) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A signed note still waiting for its co-signature. */
	public record AwaitingCosignature(AppointmentId appointmentId, ClientId clientId, String clientName,
			Instant startsAt, UserId authorId, String authorName, Instant signedAt) {
	}

	/** Signed notes by any of these authors that still await a co-signature, longest waiting first. */
	public List<AwaitingCosignature> awaitingCosignature(PracticeId practice, Collection<UserId> authors) {
		if (authors.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select n.appointment_id, n.client_id, c.display_name, a.starts_at, n.author_id, u.display_name,
				       n.signed_at
				from progress_note n
				join appointment a on a.practice_id = n.practice_id and a.appointment_id = n.appointment_id
				join client c on c.practice_id = n.practice_id and c.client_id = n.client_id
				join user_account u on u.user_id = n.author_id
				where n.practice_id = :p and n.author_id in (:authors) and n.cosign_required
				  and n.signed_at is not null and n.cosigned_at is null
				order by n.signed_at, n.note_id""")
			.param("p", practice.value())
			.param("authors", authors.stream().map(UserId::value).toList())
			.query((rs, n) -> new AwaitingCosignature(new AppointmentId(rs.getObject(1, UUID.class)),
					new ClientId(rs.getObject(2, UUID.class)), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), new UserId(rs.getObject(5, UUID.class)),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	private ProgressNote note(ResultSet rs, PracticeId practice) throws SQLException {
		UUID signer = rs.getObject("signed_by", UUID.class);
		UUID cosigner = rs.getObject("cosigned_by", UUID.class);
		return new ProgressNote(new NoteId(rs.getObject("note_id", UUID.class)),
				new AppointmentId(rs.getObject("appointment_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), new UserId(rs.getObject("author_id", UUID.class)),
				rs.getString("author_name"), NoteTemplate.valueOf(rs.getString("template")),
				decrypt(practice, rs.getBytes("sections")), rs.getInt("version"), instant(rs, "updated_at"),
				signer == null ? null
						: new Signature(new UserId(signer), rs.getString("signer_name"), instant(rs, "signed_at")),
				rs.getString("content_hash"), rs.getBoolean("cosign_required"),
				cosigner == null ? null
						: new Signature(new UserId(cosigner), rs.getString("cosigner_name"), instant(rs, "cosigned_at")),
				List.of());
	}

	private ProgressNote withAddenda(PracticeId practice, ProgressNote note) {
		List<Addendum> addenda = jdbc.sql("""
				select d.addendum_id, d.author_id, u.display_name, d.written_at, d.text, d.content_hash
				from note_addendum d join user_account u on u.user_id = d.author_id
				where d.practice_id = :p and d.note_id = :n
				order by d.written_at, d.addendum_id""")
			.param("p", practice.value())
			.param("n", note.id().value())
			.query((rs, n) -> new Addendum(rs.getObject(1, UUID.class), new UserId(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
					Objects.requireNonNull(sensitive.decrypt(practice, ADDENDUM_TEXT, rs.getBytes(5))), rs.getString(6)))
			.list();
		return new ProgressNote(note.id(), note.appointmentId(), note.clientId(), note.authorId(), note.authorName(),
				note.template(), note.sections(), note.version(), note.updatedAt(), note.signature(), note.contentHash(),
				note.cosignRequired(), note.cosignature(), addenda);
	}

	private byte[] encrypt(PracticeId practice, Map<String, String> sections) {
		return sensitive.encrypt(practice, SECTIONS, JSON.writeValueAsString(new LinkedHashMap<>(sections)));
	}

	private Map<String, String> decrypt(PracticeId practice, byte[] sections) {
		return java.util.Collections.unmodifiableMap(
				JSON.readValue(Objects.requireNonNull(sensitive.decrypt(practice, SECTIONS, sections)), SECTION_MAP));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
