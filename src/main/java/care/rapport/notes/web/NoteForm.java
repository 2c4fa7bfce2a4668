package care.rapport.notes.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import care.rapport.notes.NoteDraft;
import care.rapport.notes.NoteTemplate;
import care.rapport.notes.ProgressNote;
import care.rapport.practice.Ids;
import org.jspecify.annotations.Nullable;

/**
 * The draft form as shown: the template (none while one is being chosen), the text of each
 * section, the version it was loaded from and this page's editor id (new on every render).
 */
public record NoteForm(@Nullable NoteTemplate template, Map<String, String> sections, int version, UUID editor) {

	static final String SECTION = "section.";

	/** A note not stored yet, in the template chosen (if any). */
	static NoteForm start(@Nullable NoteTemplate template) {
		return new NoteForm(template, Map.of(), 0, Ids.next());
	}

	/** The stored draft. */
	static NoteForm of(ProgressNote note) {
		return new NoteForm(note.template(), note.sections(), note.version(), Ids.next());
	}

	/** What was posted, to show again with a message; {@code version} is what the next save will claim. */
	static NoteForm typed(NoteDraft draft, int version) {
		return new NoteForm(draft.template(), draft.sections(), version, Ids.next());
	}

	public String section(String key) {
		return sections.getOrDefault(key, "");
	}

	/** The draft a form post describes; an unknown template is none, sections come from {@code section.*} fields. */
	static @Nullable NoteDraft draft(Map<String, String> params) {
		var template = NoteTemplate.parse(params.getOrDefault("template", ""));
		if (template.isEmpty()) {
			return null;
		}
		Map<String, String> sections = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(SECTION)) {
				sections.put(name.substring(SECTION.length()), value);
			}
		});
		return new NoteDraft(template.get(), sections, number(params.get("version")), uuid(params.get("editor")));
	}

	static int number(@Nullable String value) {
		try {
			return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	static UUID uuid(@Nullable String value) {
		try {
			return value == null ? Ids.next() : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return Ids.next();
		}
	}

}
