package care.rapport.practice;

import java.util.UUID;

/** Identifies a practice, the tenant every piece of practice data belongs to. */
public record PracticeId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
