package care.rapport.notes;

/**
 * One part of a note template, written in its own text area.
 *
 * @param key the name the text is stored and posted under ({@code section.<key>})
 * @param label the heading
 * @param hint one line on what belongs here
 */
public record NoteSection(String key, String label, String hint) {
}
