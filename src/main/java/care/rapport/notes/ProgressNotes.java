package care.rapport.notes;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.notes.internal.NoteStore;
import care.rapport.notes.internal.NoteStore.Stored;
import care.rapport.practice.Practices;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import care.rapport.scheduling.Attendance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress notes, one per session. The therapist who held the session writes it: drafts saved as
 * they type (each save names the version it was made from, so an old tab never overwrites newer
 * text), then signs it, which records a SHA-256 of its text and locks it. After signing, anyone on
 * the care team may add addenda. A supervised therapist's signed note awaits a co-signature by
 * their supervisor. The care team (the client's therapist and that therapist's supervisor) reads
 * notes, each read audited; everyone else, admins included, finds no note at all. Audit details
 * name the session, never the text.
 */
@Service
public class ProgressNotes {

	/** The most characters a section (or an addendum) may hold. */
	public static final int MAX_SECTION = 20_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.CANADA);

	private final NoteStore store;

	private final Appointments appointments;

	private final Clients clients;

	private final Accounts accounts;

	private final Practices practices;

	private final AuditLog audit;

	private final Clock clock;

	ProgressNotes(NoteStore store, Appointments appointments, Clients clients, Accounts accounts, Practices practices,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.appointments = appointments;
		this.clients = clients;
		this.accounts = accounts;
		this.practices = practices;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A session of the client, for someone on the client's care team.
	 * @throws care.rapport.practice.RecordNotFoundException for anyone else, or a session of another client
	 */
	public Appointment session(RapportUser staff, ClientId client, AppointmentId id) {
		if (!clients.isOnCareTeam(staff, client)) {
			throw new care.rapport.practice.RecordNotFoundException("No client " + client);
		}
		return appointments.find(staff.practiceId(), id)
			.filter(a -> a.clientId().equals(client))
			.orElseThrow(() -> new care.rapport.practice.RecordNotFoundException("No session " + id));
	}

	/** Whether this person writes the session's notes: the therapist who held the session. */
	public static boolean writes(RapportUser staff, Appointment session) {
		return staff.id().value().equals(session.therapistId());
	}

	/** Whether the session has taken place (attended, a no-show or a late cancellation), so it can have a note. */
	public static boolean happened(Appointment session) {
		return session.attendance() == Attendance.ATTENDED || session.attendance() == Attendance.NO_SHOW
				|| session.attendance() == Attendance.LATE_CANCELLED;
	}

	/** The session's note for a member of the care team; each read is audited. */
	@Transactional
	public Optional<ProgressNote> read(RapportUser reader, ClientId client, AppointmentId id) {
		Appointment session = session(reader, client, id);
		Optional<ProgressNote> note = store.note(reader.practiceId(), session.id(), false).map(Stored::note);
		note.ifPresent(n -> record(reader, client, AuditAction.NOTE_VIEWED,
				(n.authorId().equals(reader.id()) ? "Read their note of " : "Read " + n.authorName() + "'s note of ")
						+ label(reader, session)));
		return note;
	}

	/**
	 * Saves the draft as typed; returns the note as stored. Saving text identical to what is stored
	 * changes nothing and succeeds (a retry, or a save from a tab that is merely behind).
	 * @throws NoteInputException when a section is too long, or the session has not happened; nothing is stored
	 * @throws NoteConflictException when another page saved a newer version meanwhile; nothing is stored
	 * @throws NoteLockedException when the note is signed; nothing is stored
	 * @throws NotePermissionException when this person reads the note but does not write it
	 */
	@Transactional
	public ProgressNote saveDraft(RapportUser author, ClientId client, AppointmentId id, NoteDraft draft) {
		Appointment session = writable(author, client, id);
		Optional<ProgressNote> signed = signedAlready(author, session, draft);
		if (signed.isPresent()) {
			return signed.get();
		}
		Map<String, String> sections = sections(draft.template(), draft.sections());
		Saved saved = save(author, session, draft, sections);
		if (saved.changed()) {
			record(author, client, AuditAction.NOTE_DRAFTED, "Saved the draft note of " + label(author, session)
					+ " (" + draft.template().label() + ", version " + saved.note().version() + ")");
		}
		return saved.note();
	}

	/**
	 * Saves the text as typed and signs it in one step: the note records the signer, the time and
	 * the SHA-256 of its canonical text, and is locked from then on. Signing again a note already
	 * signed with this very text succeeds without change (a double click).
	 * @throws NoteInputException when a section is empty or too long; nothing is stored
	 * @throws NoteConflictException when another page saved a newer version meanwhile; nothing is stored
	 * @throws NoteLockedException when the note was signed with other text; nothing is stored
	 * @throws NotePermissionException when this person reads the note but does not write it
	 */
	@Transactional
	public ProgressNote sign(RapportUser author, ClientId client, AppointmentId id, NoteDraft draft) {
		Appointment session = writable(author, client, id);
		Optional<ProgressNote> signed = signedAlready(author, session, draft);
		if (signed.isPresent()) {
			return signed.get();
		}
		Map<String, String> sections = sections(draft.template(), draft.sections());
		Map<String, String> missing = new LinkedHashMap<>();
		for (NoteSection section : draft.template().sections()) {
			if (sections.getOrDefault(section.key(), "").isBlank()) {
				missing.put("section." + section.key(), "Write the " + section.label()
						+ " before signing; a few words such as \u201cNo change\u201d are enough.");
			}
		}
		if (!missing.isEmpty()) {
			throw new NoteInputException(missing);
		}
		Saved saved = save(author, session, draft, sections);
		ProgressNote note = saved.note();
		if (note.signed()) {
			return note;
		}
		Map<String, String> signedText = new LinkedHashMap<>();
		for (NoteSection section : note.template().sections()) {
			signedText.put(section.key(), ContentHash.canonical(note.section(section.key())));
		}
		String hash = ContentHash.ofNote(note.template(), signedText);
		List<Accounts.Member> supervisors = accounts.supervisorsOf(author.practiceId(), author.id());
		store.sign(author.practiceId(), note.id(), note.version(), signedText, hash, author.id(), !supervisors.isEmpty(),
				draft.editor(), clock.instant());
		record(author, client, AuditAction.NOTE_SIGNED, "Signed the note of " + label(author, session) + " ("
				+ note.template().label() + ")" + (supervisors.isEmpty() ? "" : "; awaiting co-signature by "
						+ String.join(", ", supervisors.stream().map(Accounts.Member::displayName).toList())));
		return stored(author, session);
	}

	/**
	 * Appends an addendum to a signed note, hashed together with the note's hash, its author and
	 * time; a repeat of the same request key adds nothing. Anyone on the care team may add one.
	 * @throws NoteInputException when the text is empty or too long; nothing is stored
	 * @throws IllegalStateException when the note is not signed yet
	 */
	@Transactional
	public ProgressNote addAddendum(RapportUser staff, ClientId client, AppointmentId id, String text,
			UUID requestKey) {
		Appointment session = session(staff, client, id);
		String words = ContentHash.canonical(text);
		if (words.isEmpty()) {
			throw new NoteInputException(Map.of("text", "Write the addendum first."));
		}
		tooLong("text", "The addendum", words).ifPresent(message -> {
			throw new NoteInputException(Map.of("text", message));
		});
		ProgressNote note = store.note(staff.practiceId(), session.id(), true)
			.map(Stored::note)
			.filter(ProgressNote::signed)
			.orElseThrow(() -> new IllegalStateException(
					"Addenda follow a signed note. Until the note is signed, change the draft itself."));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String hash = ContentHash.ofAddendum(java.util.Objects.requireNonNull(note.contentHash()), staff.id(), now,
				words);
		if (store.addAddendum(staff.practiceId(), note.id(), staff.id(), words, hash, now, requestKey)) {
			record(staff, client, AuditAction.NOTE_ADDENDUM_ADDED, "Added an addendum to the note of "
					+ label(staff, session));
		}
		return stored(staff, session);
	}

	/**
	 * The supervisor co-signs a supervisee's signed note, confirming the text they read (its hash).
	 * @throws NotePermissionException when this person is the author or does not supervise them
	 * @throws IllegalStateException when the note needs no co-signature, already has one, or its
	 * text no longer matches the hash shown
	 */
	@Transactional
	public ProgressNote cosign(RapportUser supervisor, ClientId client, AppointmentId id, String hashSeen) {
		Appointment session = session(supervisor, client, id);
		ProgressNote note = store.note(supervisor.practiceId(), session.id(), true)
			.map(Stored::note)
			.filter(n -> n.signed() && n.cosignRequired())
			.orElseThrow(() -> new IllegalStateException("This note needs no co-signature."));
		if (note.authorId().equals(supervisor.id())) {
			throw new NotePermissionException("You wrote this note; your supervisor co-signs it.");
		}
		List<Accounts.Member> supervisors = accounts.supervisorsOf(supervisor.practiceId(), note.authorId());
		if (supervisors.stream().noneMatch(m -> m.id().equals(supervisor.id()))) {
			throw new NotePermissionException("Only " + names(supervisors) + ", who supervise" + (supervisors.size() == 1
					? "s " : " ") + note.authorName() + ", can co-sign this note.");
		}
		Signature cosigned = note.cosignature();
		if (cosigned != null) {
			throw new IllegalStateException("Already co-signed by " + cosigned.name() + ".");
		}
		if (!note.intact() || !hashSeen.strip().equals(note.contentHash())) {
			throw new IllegalStateException("The note's text does not match the hash you were shown, so it was not "
					+ "co-signed. Reload the note and check it again.");
		}
		store.cosign(supervisor.practiceId(), note.id(), supervisor.id(), clock.instant());
		record(supervisor, client, AuditAction.NOTE_COSIGNED, "Co-signed " + note.authorName() + "'s note of "
				+ label(supervisor, session));
		return stored(supervisor, session);
	}

	/** Whether this person may co-sign the note now: it awaits a co-signature and they supervise its author. */
	public boolean mayCosign(RapportUser staff, ProgressNote note) {
		return note.state() == NoteState.AWAITING_COSIGNATURE && !note.authorId().equals(staff.id())
				&& accounts.supervisorsOf(staff.practiceId(), note.authorId())
					.stream()
					.anyMatch(m -> m.id().equals(staff.id()));
	}

	/** Who may co-sign this author's notes, by name; empty for a therapist nobody supervises. */
	public List<String> cosigners(RapportUser viewer, UserId author) {
		return accounts.supervisorsOf(viewer.practiceId(), author).stream().map(Accounts.Member::displayName).toList();
	}

	/** The state of each session's note (no text is read), for the sessions page of the care team. */
	public Map<AppointmentId, NoteState> states(RapportUser staff, Collection<AppointmentId> sessions) {
		return store.states(staff.practiceId(), sessions);
	}

	/**
	 * The therapist's sessions still without a signed note (attended ones, and any draft), oldest
	 * first, so none is forgotten. The list shows names and dates, never text; it is audited.
	 */
	@Transactional
	public List<NoteStore.Unsigned> toWrite(RapportUser therapist) {
		List<NoteStore.Unsigned> unsigned = store.unsigned(therapist.practiceId(), therapist.id());
		audit.record(AuditEntry.of(therapist.practiceId(), therapist.actor(), AuditAction.NOTE_LIST_VIEWED,
				"Viewed the sessions still needing a signed note (" + unsigned.size() + ")"));
		return unsigned;
	}

	/**
	 * How many of the therapist's sessions still need a signed note: a number for their home page,
	 * naming no client, so not audited (opening the list is).
	 */
	public int countToWrite(RapportUser therapist) {
		return store.unsigned(therapist.practiceId(), therapist.id()).size();
	}

	/** The author's own signed notes still waiting for their supervisor. */
	public List<NoteStore.AwaitingCosignature> awaitingCosignatureOf(RapportUser author) {
		return store.awaitingCosignature(author.practiceId(), List.of(author.id()));
	}

	/** Notes of the therapists this person supervises that wait for their co-signature; audited as a list. */
	@Transactional
	public List<NoteStore.AwaitingCosignature> awaitingCosignatureBy(RapportUser supervisor) {
		List<NoteStore.AwaitingCosignature> waiting = store.awaitingCosignature(supervisor.practiceId(),
				accounts.supervisees(supervisor.practiceId(), supervisor.id()));
		audit.record(AuditEntry.of(supervisor.practiceId(), supervisor.actor(), AuditAction.NOTE_LIST_VIEWED,
				"Viewed the notes awaiting their co-signature (" + waiting.size() + ")"));
		return waiting;
	}

	private record Saved(ProgressNote note, boolean changed) {
	}

	/**
	 * The note if it is signed with exactly this text (a repeated request), locking its row.
	 * @throws NoteLockedException when it is signed with other text
	 */
	private Optional<ProgressNote> signedAlready(RapportUser author, Appointment session, NoteDraft draft) {
		Optional<ProgressNote> current = store.note(author.practiceId(), session.id(), true)
			.map(Stored::note)
			.filter(ProgressNote::signed);
		if (current.isPresent() && !current.get().sameContent(draft.template(), draft.sections())) {
			throw new NoteLockedException();
		}
		return current;
	}

	/** Stores the draft unless it is stale or the note is signed, deciding on the locked row. */
	private Saved save(RapportUser author, Appointment session, NoteDraft draft, Map<String, String> sections) {
		var practice = author.practiceId();
		Optional<Stored> stored = store.note(practice, session.id(), true);
		if (stored.isEmpty()) {
			if (!happened(session)) {
				throw new NoteInputException(Map.of("note",
						"This session has not taken place yet. Record it as attended (or a no-show) first, then write its note."));
			}
			if (store.insert(practice, session.id(), session.clientId(), author.id(), draft.template(), sections,
					draft.editor(), clock.instant()) == 1) {
				return new Saved(stored(author, session), true);
			}
			// Another page started this note a moment ago: decide as for any save from an older version.
			stored = store.note(practice, session.id(), true);
		}
		ProgressNote current = stored.orElseThrow().note();
		boolean same = current.sameContent(draft.template(), sections);
		if (current.signed()) {
			if (same) {
				return new Saved(current, false);
			}
			throw new NoteLockedException();
		}
		boolean fromCurrent = current.version() == draft.expectedVersion()
				|| stored.get().lastEditor().equals(draft.editor());
		if (same && current.template() == draft.template() && sections.equals(current.sections())) {
			return new Saved(current, false);
		}
		if (!fromCurrent) {
			if (same) {
				return new Saved(current, false);
			}
			throw new NoteConflictException(current);
		}
		store.update(practice, current.id(), current.version(), draft.template(), sections, draft.editor(),
				clock.instant());
		return new Saved(stored(author, session), true);
	}

	/**
	 * The sections of the chosen template as typed (line breaks as \n). Text under a section the
	 * template does not have (after a change of template) moves into its first section under the
	 * old heading, so nothing typed is lost.
	 * @throws NoteInputException when a section is too long
	 */
	private static Map<String, String> sections(NoteTemplate template, Map<String, String> typed) {
		Map<String, String> sections = new LinkedHashMap<>();
		for (NoteSection section : template.sections()) {
			sections.put(section.key(), typed.getOrDefault(section.key(), "").replace("\r\n", "\n"));
		}
		String first = template.sections().get(0).key();
		for (var entry : typed.entrySet()) {
			String label = NoteTemplate.labelOf(entry.getKey());
			if (!template.has(entry.getKey()) && label != null && !entry.getValue().isBlank()) {
				String before = sections.get(first).stripTrailing();
				sections.put(first, (before.isEmpty() ? "" : before + "\n\n") + label + ":\n"
						+ entry.getValue().replace("\r\n", "\n").strip());
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		for (NoteSection section : template.sections()) {
			tooLong(section.key(), section.label(), sections.get(section.key()))
				.ifPresent(message -> errors.put("section." + section.key(), message));
		}
		if (!errors.isEmpty()) {
			throw new NoteInputException(errors);
		}
		return sections;
	}

	static Optional<String> tooLong(String field, String name, String text) {
		int length = text.codePointCount(0, text.length());
		return length <= MAX_SECTION ? Optional.empty()
				: Optional.of("Please keep " + name + " to " + String.format("%,d", MAX_SECTION) + " characters; it has "
						+ String.format("%,d", length) + ". Nothing was saved; your text is kept here.");
	}

	/**
	 * A session whose note this person writes.
	 * @throws care.rapport.practice.RecordNotFoundException for anyone not on the client's care team
	 * @throws NotePermissionException for the care team's other members (the supervisor)
	 */
	public Appointment sessionToWrite(RapportUser author, ClientId client, AppointmentId id) {
		return writable(author, client, id);
	}

	private Appointment writable(RapportUser author, ClientId client, AppointmentId id) {
		Appointment session = session(author, client, id);
		if (!writes(author, session)) {
			throw new NotePermissionException(
					"Only the therapist who held this session writes its note. You can read it, and add an addendum once it is signed.");
		}
		return session;
	}

	private ProgressNote stored(RapportUser user, Appointment session) {
		return store.note(user.practiceId(), session.id(), false).orElseThrow().note();
	}

	private String label(RapportUser user, Appointment session) {
		var zone = practices.get(user.practiceId()).timeZone();
		return "the session of " + DAY.format(session.startsAt().atZone(zone))
				+ (session.sessionNumber() == null ? "" : " (session " + session.sessionNumber() + ")");
	}

	private static String names(List<Accounts.Member> members) {
		return members.isEmpty() ? "a supervisor"
				: String.join(" or ", members.stream().map(Accounts.Member::displayName).toList());
	}

	private void record(RapportUser user, ClientId client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(user.practiceId(), user.actor(), action, client.value(), detail));
	}

}
