package care.rapport.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import care.rapport.identity.UserId;

/**
 * The fingerprints that make signed text verifiable: SHA-256, in lower-case hex, of a canonical
 * plain-text form. The canonical form of a text has its line breaks as {@code \n}, Unicode in NFC
 * and no leading or trailing blanks, so the same words always give the same hash, whatever browser
 * sent them. Each text is preceded by its length in UTF-8 bytes, so no choice of words can make two
 * different notes look alike.
 * <p>
 * A note's form is {@code rapport-progress-note/1}, the template name, then every section of the
 * template in order, as {@code section <key> <bytes>} and the text. An addendum's form chains it to
 * the note: {@code rapport-note-addendum/1}, the note's hash, the author, the time (microseconds,
 * as stored) and the text.
 */
public final class ContentHash {

	private ContentHash() {
	}

	/** A text as it is signed and hashed. */
	public static String canonical(String text) {
		return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).strip();
	}

	/** The hash of a note's template and sections (missing sections count as empty). */
	public static String ofNote(NoteTemplate template, Map<String, String> sections) {
		StringBuilder form = new StringBuilder("rapport-progress-note/1\n").append(template.name()).append('\n');
		for (NoteSection section : template.sections()) {
			append(form, "section " + section.key(), sections.getOrDefault(section.key(), ""));
		}
		return sha256(form.toString());
	}

	/** The hash of an addendum, bound to the note it follows. */
	public static String ofAddendum(String noteHash, UserId author, Instant writtenAt, String text) {
		StringBuilder form = new StringBuilder("rapport-note-addendum/1\n").append(noteHash)
			.append('\n')
			.append(author.value())
			.append('\n')
			.append(writtenAt.truncatedTo(ChronoUnit.MICROS))
			.append('\n');
		append(form, "text", text);
		return sha256(form.toString());
	}

	private static void append(StringBuilder form, String name, String text) {
		String canonical = canonical(text);
		form.append(name)
			.append(' ')
			.append(canonical.getBytes(StandardCharsets.UTF_8).length)
			.append('\n')
			.append(canonical)
			.append('\n');
	}

	private static String sha256(String form) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
