package care.rapport.goals;

import java.util.UUID;

/** Identifies a commitment within its practice. */
public record CommitmentId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
