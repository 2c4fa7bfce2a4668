package care.rapport.notes.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.notes.NoteConflictException;
import care.rapport.notes.NoteDraft;
import care.rapport.notes.NoteInputException;
import care.rapport.notes.NoteLockedException;
import care.rapport.notes.NotePermissionException;
import care.rapport.notes.NoteState;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNote;
import care.rapport.notes.ProgressNotes;
import care.rapport.notes.PsychotherapyNote;
import care.rapport.notes.PsychotherapyNoteConflictException;
import care.rapport.notes.PsychotherapyNotes;
import care.rapport.practice.RecordNotFoundException;
import care.rapport.practice.Ids;
import care.rapport.practice.Practices;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's note page for the care team: the therapist who held the session writes the draft
 * (saved as they type by static/js/notes.js, or with the "Save draft" button without script),
 * signs it, and keeps their private psychotherapy note here; the supervisor reads and co-signs;
 * either adds addenda after signing. Everyone else, admins included, finds nothing (404).
 * <p>
 * Saves as you type post the same form with the header {@code X-Autosave} and get JSON back.
 */
@Controller
class NoteController {

	static final String NOTE = "/app/clients/{id}/appointments/{appointmentId}/note";

	static final String PROCESS = "/app/clients/{id}/appointments/{appointmentId}/psychotherapy-note";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.CANADA);

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.CANADA);

	private final Clients clients;

	private final ProgressNotes notes;

	private final PsychotherapyNotes processNotes;

	private final Practices practices;

	NoteController(Clients clients, ProgressNotes notes, PsychotherapyNotes processNotes, Practices practices) {
		this.clients = clients;
		this.notes = notes;
		this.processNotes = processNotes;
		this.practices = practices;
	}

	static String path(ClientId client, AppointmentId session) {
		return "/app/clients/" + client + "/appointments/" + session + "/note";
	}

	@GetMapping(NOTE)
	String page(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam(defaultValue = "") String template, Model model) {
		Client client = careTeam(staff, id);
		Appointment session = session(staff, client.id(), appointmentId);
		Optional<ProgressNote> note = notes.read(staff, client.id(), session.id());
		NoteForm form = note.filter(n -> !n.signed())
			.map(NoteForm::of)
			.orElseGet(() -> NoteForm.start(NoteTemplate.parse(template).orElse(null)));
		return render(staff, client, session, note.orElse(null), new NotePage(form), model);
	}

	@PostMapping(NOTE)
	String save(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return post(staff, id, appointmentId, params, false, model, redirect, response);
	}

	@PostMapping(NOTE + "/sign")
	String sign(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return post(staff, id, appointmentId, params, true, model, redirect, response);
	}

	/**
	 * A save as you type: the same form, answered in JSON for static/js/notes.js. A refusal (a
	 * field too long, a newer version elsewhere, a signed note, someone else's note) is answered by
	 * the shared advice as a problem detail with its {@code code} and {@code field}.
	 */
	@PostMapping(path = NOTE, headers = "X-Autosave")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosave(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam Map<String, String> params) {
		ClientId client = new ClientId(id);
		AppointmentId session = new AppointmentId(appointmentId);
		NoteDraft draft = NoteForm.draft(params);
		notes.sessionToWrite(staff, client, session);
		if (draft == null) {
			throw new NoteInputException(Map.of("template", "Choose a template first."));
		}
		if (nothingTyped(draft)) {
			return json(HttpStatus.OK, true, 0, "Nothing to save yet");
		}
		ProgressNote saved = notes.saveDraft(staff, client, session, draft);
		var body = body(true, saved.version(), "Draft saved " + when(staff, saved.updatedAt()));
		body.put("state", saved.state().label());
		return ResponseEntity.ok(body);
	}

	@PostMapping(NOTE + "/addenda")
	String addendum(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable UUID key, Model model, RedirectAttributes redirect) {
		ClientId client = new ClientId(id);
		AppointmentId session = new AppointmentId(appointmentId);
		UUID requestKey = key == null ? Ids.next() : key;
		try {
			notes.addAddendum(staff, client, session, text, requestKey);
			redirect.addFlashAttribute("notice", "Addendum added, dated and hashed. It cannot be changed.");
		}
		catch (NoteInputException ex) {
			Client record = careTeam(staff, id);
			Appointment appointment = session(staff, client, appointmentId);
			NotePage page = new NotePage(NoteForm.start(null));
			page.addendumText = text;
			page.addendumKey = requestKey;
			page.addendumError = ex.errors().getOrDefault("text", ex.getMessage());
			page.error = "The addendum was not added: see the marked field. What you typed is kept.";
			return render(staff, record, appointment, notes.read(staff, client, session).orElse(null), page, model);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:" + path(client, session) + "#addenda";
	}

	@PostMapping(NOTE + "/cosign")
	String cosign(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id, @PathVariable UUID appointmentId,
			@RequestParam(defaultValue = "") String hash, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ClientId client = new ClientId(id);
		AppointmentId session = new AppointmentId(appointmentId);
		try {
			notes.cosign(staff, client, session, hash);
			redirect.addFlashAttribute("notice", "Co-signed. The note is complete.");
		}
		catch (NotePermissionException ex) {
			return refused(staff, id, appointmentId, ex, model, response);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:" + path(client, session) + "#signature";
	}

	@PostMapping(PROCESS)
	String saveProcessNote(@AuthenticationPrincipal RapportUser staff, @PathVariable UUID id,
			@PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String editor, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ClientId client = new ClientId(id);
		AppointmentId session = new AppointmentId(appointmentId);
		int expected = NoteForm.number(version);
		UUID page = NoteForm.uuid(editor);
		try {
			PsychotherapyNote saved = processNotes.save(staff, client, session, text, expected, page);
			redirect.addFlashAttribute("notice", "Psychotherapy note saved " + when(staff, saved.updatedAt()) + ".");
			return "redirect:" + path(client, session) + "#psychotherapy-note";
		}
		catch (NoteInputException ex) {
			return processAgain(staff, id, appointmentId,
					new NotePage.ProcessForm(text, expected, page, ex.getMessage(), null), model);
		}
		catch (PsychotherapyNoteConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return processAgain(staff, id, appointmentId, new NotePage.ProcessForm(text, ex.current().version(),
					Ids.next(), "Not saved: your psychotherapy note was changed in another tab or window. Your text is "
							+ "below, unchanged, with the newer version under it. Saving again replaces the newer version.",
					ex.current()), model);
		}
	}

	@PostMapping(path = PROCESS, headers = "X-Autosave")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosaveProcessNote(@AuthenticationPrincipal RapportUser staff,
			@PathVariable UUID id, @PathVariable UUID appointmentId, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String editor) {
		PsychotherapyNote saved = processNotes.save(staff, new ClientId(id), new AppointmentId(appointmentId), text,
				NoteForm.number(version), NoteForm.uuid(editor));
		return json(HttpStatus.OK, true, saved.version(), "Saved " + when(staff, saved.updatedAt()));
	}

	/** Saves (or saves and signs) the posted draft; on a refusal the page comes back with the typed text. */
	private String post(RapportUser staff, UUID id, UUID appointmentId, Map<String, String> params, boolean signing,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ClientId client = new ClientId(id);
		AppointmentId session = new AppointmentId(appointmentId);
		NoteDraft draft = NoteForm.draft(params);
		boolean changingTemplate = params.containsKey("change");
		try {
			if (draft == null) {
				notes.sessionToWrite(staff, client, session);
				return again(staff, id, appointmentId, NoteForm.start(null), Map.of("template", "Choose a template."),
						model);
			}
			if (!signing && nothingTyped(draft)) {
				notes.sessionToWrite(staff, client, session);
				if (!changingTemplate) {
					redirect.addFlashAttribute("notice", "Nothing to save yet: the note is empty.");
				}
				return "redirect:" + path(client, session) + "?template=" + draft.template().name();
			}
			ProgressNote saved = signing ? notes.sign(staff, client, session, draft)
					: notes.saveDraft(staff, client, session, draft);
			redirect.addFlashAttribute("notice", signing ? signedNotice(staff, saved)
					: changingTemplate ? templateNotice(draft)
							: "Draft saved " + when(staff, saved.updatedAt()) + ".");
			return "redirect:" + path(client, session) + (signing ? "#signature" : "");
		}
		catch (NotePermissionException ex) {
			return refused(staff, id, appointmentId, ex, model, response);
		}
		catch (NoteInputException ex) {
			return again(staff, id, appointmentId, NoteForm.typed(java.util.Objects.requireNonNull(draft),
					draft.expectedVersion()), ex.errors(), model);
		}
		catch (NoteConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			Client record = careTeam(staff, id);
			Appointment appointment = session(staff, client, appointmentId);
			NotePage page = new NotePage(NoteForm.typed(java.util.Objects.requireNonNull(draft), ex.current().version()));
			page.newer = ex.current();
			page.error = "Not saved: this note was changed in another tab or window (saved "
					+ when(staff, ex.current().updatedAt()) + "). Your text is below, unchanged, and the newer "
					+ "version is shown under it. Saving again replaces the newer version with your text.";
			return render(staff, record, appointment, ex.current(), page, model);
		}
		catch (NoteLockedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			Client record = careTeam(staff, id);
			Appointment appointment = session(staff, client, appointmentId);
			NotePage page = new NotePage(NoteForm.start(null));
			page.unsaved = draft == null ? Map.of() : draft.sections();
			page.error = NoteLockedException.MESSAGE + " Nothing was changed; what you typed is shown below to copy.";
			return render(staff, record, appointment, notes.read(staff, client, session).orElse(null), page, model);
		}
	}

	private String again(RapportUser staff, UUID id, UUID appointmentId, NoteForm form, Map<String, String> errors,
			Model model) {
		Client client = careTeam(staff, id);
		Appointment session = session(staff, client.id(), appointmentId);
		Optional<ProgressNote> note = notes.read(staff, client.id(), session.id());
		NotePage page = new NotePage(form);
		page.errors = errors;
		page.error = errors.containsKey("note") ? errors.get("note")
				: "Not saved: see the marked " + (errors.size() == 1 ? "field" : "fields") + ". What you typed is kept.";
		return render(staff, client, session, note.orElse(null), page, model);
	}

	private String processAgain(RapportUser staff, UUID id, UUID appointmentId, NotePage.ProcessForm process,
			Model model) {
		Client client = careTeam(staff, id);
		Appointment session = session(staff, client.id(), appointmentId);
		Optional<ProgressNote> note = notes.read(staff, client.id(), session.id());
		NotePage page = new NotePage(note.filter(n -> !n.signed()).map(NoteForm::of).orElseGet(() -> NoteForm.start(null)));
		page.process = process;
		return render(staff, client, session, note.orElse(null), page, model);
	}

	/** The page as the person may see it, with a 403 and the reason they cannot do what they tried. */
	private String refused(RapportUser staff, UUID id, UUID appointmentId, RuntimeException ex, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		Client client = careTeam(staff, id);
		Appointment session = session(staff, client.id(), appointmentId);
		Optional<ProgressNote> note = notes.read(staff, client.id(), session.id());
		NotePage page = new NotePage(note.filter(n -> !n.signed()).map(NoteForm::of).orElseGet(() -> NoteForm.start(null)));
		page.error = ex.getMessage();
		return render(staff, client, session, note.orElse(null), page, model);
	}

	private String render(RapportUser staff, Client client, Appointment session, @Nullable ProgressNote note,
			NotePage page, Model model) {
		ZoneId zone = practices.get(staff.practiceId()).timeZone();
		boolean writer = ProgressNotes.writes(staff, session);
		boolean happened = ProgressNotes.happened(session);
		boolean editing = writer && (note == null ? happened : !note.signed());
		model.addAttribute("client", client);
		model.addAttribute("appointment", session);
		model.addAttribute("zone", zone);
		model.addAttribute("note", note);
		model.addAttribute("state", note == null ? NoteState.NONE : note.state());
		model.addAttribute("writer", writer);
		model.addAttribute("happened", happened);
		model.addAttribute("editing", editing);
		model.addAttribute("templates", NoteTemplate.values());
		model.addAttribute("form", page.form);
		model.addAttribute("errors", page.errors);
		model.addAttribute("newer", page.newer);
		model.addAttribute("unsaved", unsavedSections(page.unsaved));
		model.addAttribute("maxSection", String.format("%,d", ProgressNotes.MAX_SECTION));
		model.addAttribute("saveStatus", note != null && !note.signed() && page.newer == null
				? "Draft saved " + when(zone, note.updatedAt()) : "Not saved yet");
		model.addAttribute("intact", note != null && note.intact());
		model.addAttribute("cosigners", notes.cosigners(staff, note == null ? staff.id() : note.authorId()));
		model.addAttribute("canCosign", note != null && notes.mayCosign(staff, note));
		model.addAttribute("addendumText", page.addendumText);
		model.addAttribute("addendumKey", page.addendumKey);
		model.addAttribute("addendumError", page.addendumError);
		if (page.error != null) {
			model.addAttribute("error", page.error);
		}
		if (writer && happened) {
			NotePage.ProcessForm process = page.process;
			String processStatus = "Not saved";
			if (process == null) {
				PsychotherapyNote stored = processNotes.own(staff, client.id(), session.id()).orElse(null);
				process = NotePage.ProcessForm.of(stored);
				processStatus = stored == null ? "Not saved yet" : "Saved " + when(zone, stored.updatedAt());
			}
			model.addAttribute("process", process);
			model.addAttribute("processStatus", processStatus);
		}
		return "notes/note";
	}

	/** Typed sections under their headings, for showing text that could not be saved. */
	private static Map<String, String> unsavedSections(Map<String, String> typed) {
		Map<String, String> shown = new LinkedHashMap<>();
		typed.forEach((key, text) -> {
			String label = NoteTemplate.labelOf(key);
			if (label != null && !text.isBlank()) {
				shown.put(label, text);
			}
		});
		return shown;
	}

	private String signedNotice(RapportUser staff, ProgressNote note) {
		List<String> cosigners = notes.cosigners(staff, note.authorId());
		return "Signed and locked" + (note.cosignRequired() && note.cosignature() == null
				? ". Awaiting co-signature by " + (cosigners.isEmpty() ? "your supervisor" : String.join(" or ", cosigners))
						+ "."
				: ".");
	}

	private static String templateNotice(NoteDraft draft) {
		List<String> moved = draft.sections()
			.entrySet()
			.stream()
			.filter(e -> !draft.template().has(e.getKey()) && NoteTemplate.labelOf(e.getKey()) != null
					&& !e.getValue().isBlank())
			.map(e -> NoteTemplate.labelOf(e.getKey()))
			.toList();
		return "Template changed to " + draft.template().label() + "." + (moved.isEmpty() ? ""
				: " What you wrote under " + String.join(", ", moved) + " is now in "
						+ draft.template().sections().get(0).label() + ", under its old heading.");
	}

	private static boolean nothingTyped(NoteDraft draft) {
		return draft.expectedVersion() == 0 && draft.sections().values().stream().allMatch(String::isBlank);
	}

	private String when(RapportUser staff, Instant instant) {
		return when(practices.get(staff.practiceId()).timeZone(), instant);
	}

	/** "10:42 a.m." today, "Tue 3 Mar, 10:42 a.m." on another day: the 12-hour clock of every other page. */
	static String when(ZoneId zone, Instant instant) {
		var at = instant.atZone(zone);
		return at.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(at) : DAY_TIME.format(at);
	}

	private static ResponseEntity<Map<String, Object>> json(HttpStatus status, boolean saved, int version,
			String message) {
		return ResponseEntity.status(status).body(body(saved, version, message));
	}

	private static Map<String, Object> body(boolean saved, int version, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("saved", saved);
		body.put("version", version);
		body.put("message", message);
		return body;
	}

	private Client careTeam(RapportUser staff, UUID id) {
		return clients.openForCare(staff, new ClientId(id), "Opened a session note")
			.orElseThrow(RecordNotFoundException::new);
	}

	private Appointment session(RapportUser staff, ClientId client, UUID appointmentId) {
		return notes.session(staff, client, new AppointmentId(appointmentId));
	}

}
