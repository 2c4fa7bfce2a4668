package care.rapport.notes;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.ClientId;
import care.rapport.identity.RapportUser;
import care.rapport.notes.internal.PsychotherapyNoteStore;
import care.rapport.notes.internal.PsychotherapyNoteStore.Stored;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Psychotherapy ("process") notes: the session therapist's private working notes, one per session
 * and author. They are not part of the client's record: only their author reads or writes them
 * (not the supervisor, not admins, never the client), they appear on no other page and in no
 * export, and they are encrypted at rest. Opening and saving are audited without the text; they
 * are not reads of the client's record, so they do not appear in the client's access history.
 */
@Service
public class PsychotherapyNotes {

	public static final int MAX_TEXT = ProgressNotes.MAX_SECTION;

	private final PsychotherapyNoteStore store;

	private final ProgressNotes notes;

	private final AuditLog audit;

	private final Clock clock;

	PsychotherapyNotes(PsychotherapyNoteStore store, ProgressNotes notes, AuditLog audit, Clock clock) {
		this.store = store;
		this.notes = notes;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The author's own psychotherapy note about the session, if they wrote one; the opening is audited.
	 * @throws care.rapport.practice.RecordNotFoundException for anyone but the therapist who held the session
	 */
	@Transactional
	public Optional<PsychotherapyNote> own(RapportUser author, ClientId client, AppointmentId id) {
		Appointment session = authorsSession(author, client, id);
		Optional<PsychotherapyNote> note = store.note(author.practiceId(), session.id(), author.id(), false)
			.map(Stored::note);
		note.ifPresent(n -> record(author, client, AuditAction.PSYCHOTHERAPY_NOTE_VIEWED,
				"Opened their psychotherapy note (text not logged)"));
		return note;
	}

	/**
	 * Saves the author's psychotherapy note as typed; saving the text already stored changes nothing.
	 * @throws care.rapport.practice.RecordNotFoundException for anyone but the therapist who held the session
	 * @throws NoteInputException when the text is too long or the session has not happened; nothing is stored
	 * @throws PsychotherapyNoteConflictException when another page saved a newer version meanwhile
	 */
	@Transactional
	public PsychotherapyNote save(RapportUser author, ClientId client, AppointmentId id, String text,
			int expectedVersion, UUID editor) {
		Appointment session = authorsSession(author, client, id);
		String typed = text.replace("\r\n", "\n");
		ProgressNotes.tooLong("text", "the psychotherapy note", typed).ifPresent(message -> {
			throw new NoteInputException(Map.of("text", message));
		});
		var practice = author.practiceId();
		Optional<Stored> stored = store.note(practice, session.id(), author.id(), true);
		if (stored.isEmpty()) {
			if (!ProgressNotes.happened(session)) {
				throw new NoteInputException(Map.of("text",
						"This session has not taken place yet. Record it as attended (or a no-show) first."));
			}
			if (store.insert(practice, session.id(), client, author.id(), typed, editor, clock.instant()) == 1) {
				return saved(author, client, session);
			}
			stored = store.note(practice, session.id(), author.id(), true);
		}
		PsychotherapyNote current = stored.orElseThrow().note();
		if (current.text().equals(typed)
				|| ContentHash.canonical(current.text()).equals(ContentHash.canonical(typed))
						&& current.version() != expectedVersion) {
			return current;
		}
		if (current.version() != expectedVersion && !stored.get().lastEditor().equals(editor)) {
			throw new PsychotherapyNoteConflictException(current);
		}
		store.update(practice, session.id(), author.id(), current.version(), typed, editor, clock.instant());
		return saved(author, client, session);
	}

	private PsychotherapyNote saved(RapportUser author, ClientId client, Appointment session) {
		record(author, client, AuditAction.PSYCHOTHERAPY_NOTE_SAVED, "Saved their psychotherapy note (text not logged)");
		return store.note(author.practiceId(), session.id(), author.id(), false).orElseThrow().note();
	}

	private Appointment authorsSession(RapportUser author, ClientId client, AppointmentId id) {
		Appointment session = notes.session(author, client, id);
		if (!ProgressNotes.writes(author, session)) {
			// Not "forbidden": for anyone but its author, a psychotherapy note does not exist.
			throw new care.rapport.practice.RecordNotFoundException("No psychotherapy note of yours for session " + id);
		}
		return session;
	}

	private void record(RapportUser author, ClientId client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(author.practiceId(), author.actor(), action, client.value(), detail));
	}

}
