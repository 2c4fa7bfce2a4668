package care.rapport.notes.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.notes.PsychotherapyNote;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import care.rapport.scheduling.AppointmentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes psychotherapy notes, encrypted. Every query names the author: there is no way
 * here to read someone else's psychotherapy note, nor to list them for a client.
 */
@Repository
public class PsychotherapyNoteStore {

	// Bound into each ciphertext as associated data: never rename it.
	static final String TEXT = "psychotherapy_note.text";

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	PsychotherapyNoteStore(JdbcClient jdbc, SensitiveText sensitive) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
	}

	/** A stored note and the page that saved it last. */
	public record Stored(PsychotherapyNote note, UUID lastEditor) {
	}

	/** The author's note about the session; {@code lock} holds its row until the transaction ends. */
	public Optional<Stored> note(PracticeId practice, AppointmentId appointment, UserId author, boolean lock) {
		return jdbc.sql("""
				select appointment_id, text, version, updated_at, last_editor from psychotherapy_note
				where practice_id = :p and appointment_id = :a and author_id = :author""" + (lock ? " for update" : ""))
			.param("p", practice.value())
			.param("a", appointment.value())
			.param("author", author.value())
			.query((rs, n) -> new Stored(new PsychotherapyNote(new AppointmentId(rs.getObject(1, UUID.class)),
					Objects.requireNonNull(sensitive.decrypt(practice, TEXT, rs.getBytes(2))), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()), rs.getObject(5, UUID.class)))
			.optional();
	}

	/** Stores the author's first note about the session at version 1; 0 when they already have one. */
	public int insert(PracticeId practice, AppointmentId appointment, ClientId client, UserId author, String text,
			UUID editor, Instant now) {
		return jdbc.sql("""
				insert into psychotherapy_note (practice_id, psychotherapy_note_id, appointment_id, client_id, author_id,
				    text, version, last_editor, created_at, updated_at)
				values (:p, :id, :a, :c, :author, :t, 1, :editor, :now, :now)
				on conflict (practice_id, appointment_id, author_id) do nothing""")
			.param("p", practice.value())
			.param("id", care.rapport.practice.Ids.next())
			.param("a", appointment.value())
			.param("c", client.value())
			.param("author", author.value())
			.param("t", sensitive.encrypt(practice, TEXT, text))
			.param("editor", editor)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	/** Replaces the text, moving the note from version {@code from} to the next; 0 when it moved on. */
	public int update(PracticeId practice, AppointmentId appointment, UserId author, int from, String text,
			UUID editor, Instant now) {
		return jdbc.sql("""
				update psychotherapy_note set text = :t, version = version + 1, last_editor = :editor, updated_at = :now
				where practice_id = :p and appointment_id = :a and author_id = :author and version = :from""")
			.param("t", sensitive.encrypt(practice, TEXT, text))
			.param("editor", editor)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("p", practice.value())
			.param("a", appointment.value())
			.param("author", author.value())
			.param("from", from)
			.update();
	}

}
