package care.rapport.notes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.rapport.identity.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint of signed text: stable for the same words, different for any other note. */
class ContentHashTests {

	private static final Map<String, String> NOTE = Map.of("data", "Talked about work.", "assessment", "Improving.",
			"plan", "Meet in a week.");

	@Test
	void theSameWordsGiveTheSameHashWhateverBrowserOrKeyboardSentThem() {
		String hash = ContentHash.ofNote(NoteTemplate.DAP, NOTE);
		assertThat(ContentHash.ofNote(NoteTemplate.DAP,
				Map.of("data", "Talked about work.\r\n", "assessment", "  Improving.", "plan", "Meet in a week.")))
			.isEqualTo(hash);
		// "é" typed as one code point or as e + combining accent is the same text.
		assertThat(ContentHash.ofNote(NoteTemplate.FREE_TEXT, Map.of("text", "caf\u00e9")))
			.isEqualTo(ContentHash.ofNote(NoteTemplate.FREE_TEXT, Map.of("text", "cafe\u0301")));
		assertThat(hash).matches("[0-9a-f]{64}");
	}

	@Test
	void anyOtherWordSectionOrTemplateGivesAnotherHash() {
		String hash = ContentHash.ofNote(NoteTemplate.DAP, NOTE);
		assertThat(ContentHash.ofNote(NoteTemplate.DAP, Map.of("data", "Talked about work.", "assessment",
				"Improving", "plan", "Meet in a week."))).isNotEqualTo(hash);
		// The same words moved across a section boundary are another note.
		assertThat(ContentHash.ofNote(NoteTemplate.DAP, Map.of("data", "Talked about work. Improving.",
				"assessment", "", "plan", "Meet in a week."))).isNotEqualTo(hash);
		assertThat(ContentHash.ofNote(NoteTemplate.SOAP, NOTE)).isNotEqualTo(hash);
	}

	@Test
	void anAddendumsHashBindsItsNoteAuthorAndTime() {
		UserId author = new UserId(UUID.randomUUID());
		Instant at = Instant.parse("2026-03-03T18:42:07.123456789Z");
		String hash = ContentHash.ofAddendum("a".repeat(64), author, at, "Client phoned.");
		// Stored times keep microseconds; the hash does too, so it recomputes from the stored row.
		assertThat(ContentHash.ofAddendum("a".repeat(64), author, Instant.parse("2026-03-03T18:42:07.123456Z"),
				"Client phoned.")).isEqualTo(hash);
		assertThat(ContentHash.ofAddendum("b".repeat(64), author, at, "Client phoned.")).isNotEqualTo(hash);
		assertThat(ContentHash.ofAddendum("a".repeat(64), new UserId(UUID.randomUUID()), at, "Client phoned."))
			.isNotEqualTo(hash);
		assertThat(ContentHash.ofAddendum("a".repeat(64), author, at.plusSeconds(1), "Client phoned."))
			.isNotEqualTo(hash);
	}

}
