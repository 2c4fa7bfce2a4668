package care.rapport.goals;

import java.util.UUID;

/** Identifies a goal within its practice. */
public record GoalId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
