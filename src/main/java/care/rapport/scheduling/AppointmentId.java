package care.rapport.scheduling;

import java.util.UUID;

/** Identifies an appointment. */
public record AppointmentId(UUID value) {

	@Override
	public String toString() {
		return value.toString();
	}

}
