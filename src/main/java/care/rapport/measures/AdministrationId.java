package care.rapport.measures;

import java.util.UUID;

/** Identifies one asking of one instrument. */
public record AdministrationId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
