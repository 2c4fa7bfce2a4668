package care.rapport.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import care.rapport.clients.ClientId;
import care.rapport.identity.RapportUser;
import org.jspecify.annotations.Nullable;

/**
 * A column another module adds to a client's sessions page, such as each session's note. The
 * sessions page shows it without depending on that module: modules that build on sessions
 * implement this, and scheduling stays at the bottom.
 */
public interface SessionColumn {

	/** The heading, or none when this person is not to see the column for this client. */
	Optional<String> heading(RapportUser staff, ClientId client);

	/** What to show for each session; a session left out shows a dash. */
	Map<AppointmentId, Cell> cells(RapportUser staff, ClientId client, List<Appointment> sessions);

	/**
	 * One cell: a short text, linked when {@code href} is given.
	 *
	 * @param state a stable name of what the cell shows, for styling and tests (e.g. {@code DRAFT})
	 */
	record Cell(String text, @Nullable String href, String state) {
	}

}
