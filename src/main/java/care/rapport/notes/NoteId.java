package care.rapport.notes;

import java.util.UUID;

/** Identifies a progress note. */
public record NoteId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
