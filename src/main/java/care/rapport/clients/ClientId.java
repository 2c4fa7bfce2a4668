package care.rapport.clients;

import java.util.UUID;

/** Identifies a client record within its practice. */
public record ClientId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
