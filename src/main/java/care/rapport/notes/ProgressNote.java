package care.rapport.notes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.scheduling.AppointmentId;
import org.jspecify.annotations.Nullable;

/**
 * A session's progress note, decrypted for someone allowed to read it.
 *
 * @param sections the text of each section by key; a draft may leave some empty
 * @param version counts saves; a save names the version it was made from
 * @param contentHash the SHA-256 recorded at signing, none for a draft
 * @param cosignRequired whether the author was supervised when signing, so a supervisor must co-sign
 */
public record ProgressNote(NoteId id, AppointmentId appointmentId, ClientId clientId, UserId authorId,
		String authorName, NoteTemplate template, Map<String, String> sections, int version, Instant updatedAt,
		@Nullable Signature signature, @Nullable String contentHash, boolean cosignRequired,
		@Nullable Signature cosignature, List<Addendum> addenda) {

	public boolean signed() {
		return signature != null;
	}

	public NoteState state() {
		return NoteState.of(true, signed(), cosignRequired, cosignature != null);
	}

	public String section(String key) {
		return sections.getOrDefault(key, "");
	}

	/**
	 * Whether the text still matches the hash recorded at signing: recomputed from the decrypted
	 * text on each call, so a change made behind Rapport's back shows as altered.
	 */
	public boolean intact() {
		return contentHash != null && contentHash.equals(ContentHash.ofNote(template, sections));
	}

	/** Whether this note holds the same words in the same template as the given draft. */
	public boolean sameContent(NoteTemplate otherTemplate, Map<String, String> otherSections) {
		if (template != otherTemplate) {
			return false;
		}
		for (NoteSection section : template.sections()) {
			if (!ContentHash.canonical(section(section.key()))
				.equals(ContentHash.canonical(otherSections.getOrDefault(section.key(), "")))) {
				return false;
			}
		}
		return true;
	}

}
