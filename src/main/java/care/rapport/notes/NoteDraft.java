package care.rapport.notes;

import java.util.Map;
import java.util.UUID;

/**
 * What the note page posts: the template, the text of each section as typed, the version the page
 * was loaded with (0 for a note not stored yet) and the page's own editor id.
 *
 * @param editor a random id per rendered page: the page that saved last may save again even if
 * the reply to its previous save was lost, while any other page with an old version is refused
 */
public record NoteDraft(NoteTemplate template, Map<String, String> sections, int expectedVersion, UUID editor) {

	public NoteDraft {
		sections = Map.copyOf(sections);
	}

}
