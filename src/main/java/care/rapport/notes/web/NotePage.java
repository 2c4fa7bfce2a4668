package care.rapport.notes.web;

import java.util.Map;
import java.util.UUID;

import care.rapport.notes.ProgressNote;
import care.rapport.notes.PsychotherapyNote;
import care.rapport.practice.Ids;
import org.jspecify.annotations.Nullable;

/**
 * What the note page shows beyond the stored note after a refused post: the typed text and its
 * messages, so nothing typed is lost. A plain page has only its form.
 */
final class NotePage {

	NoteForm form;

	Map<String, String> errors = Map.of();

	@Nullable String error;

	/** The newer version another page saved, shown next to the typed text. */
	@Nullable ProgressNote newer;

	/** Sections typed into a note that turned out to be signed, shown to copy. */
	Map<String, String> unsaved = Map.of();

	String addendumText = "";

	UUID addendumKey = Ids.next();

	@Nullable String addendumError;

	/** The psychotherapy note as typed, when a save of it was refused; none to show the stored one. */
	@Nullable ProcessForm process;

	NotePage(NoteForm form) {
		this.form = form;
	}

	/** The psychotherapy note form: its text, the version it claims, this page's editor id, and what went wrong. */
	public record ProcessForm(String text, int version, UUID editor, @Nullable String error,
			@Nullable PsychotherapyNote newer) {

		static ProcessForm of(@Nullable PsychotherapyNote note) {
			return note == null ? new ProcessForm("", 0, Ids.next(), null, null)
					: new ProcessForm(note.text(), note.version(), Ids.next(), null, null);
		}

	}

}
