package care.rapport.feedback;

import java.util.UUID;

/** Identifies an alert. */
public record AlertId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
