package care.rapport.notes.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.identity.RapportUser;
import care.rapport.notes.NoteState;
import care.rapport.notes.ProgressNotes;
import care.rapport.scheduling.Appointment;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.SessionColumn;
import org.springframework.stereotype.Component;

/**
 * The "Note" column of a client's sessions page: each session's note state, linked to the note.
 * Shown to the care team only; admins book sessions but see nothing of notes, not even their state.
 */
@Component
class NoteColumn implements SessionColumn {

	private final Clients clients;

	private final ProgressNotes notes;

	NoteColumn(Clients clients, ProgressNotes notes) {
		this.clients = clients;
		this.notes = notes;
	}

	@Override
	public Optional<String> heading(RapportUser staff, ClientId client) {
		return clients.isOnCareTeam(staff, client) ? Optional.of("Note") : Optional.empty();
	}

	@Override
	public Map<AppointmentId, Cell> cells(RapportUser staff, ClientId client, List<Appointment> sessions) {
		Map<AppointmentId, NoteState> states = notes.states(staff, sessions.stream().map(Appointment::id).toList());
		Map<AppointmentId, Cell> cells = new LinkedHashMap<>();
		for (Appointment session : sessions) {
			NoteState state = states.getOrDefault(session.id(), NoteState.NONE);
			String href = NoteController.path(client, session.id());
			if (state != NoteState.NONE) {
				cells.put(session.id(), new Cell(state.label(), href, state.name()));
			}
			else if (ProgressNotes.happened(session)) {
				cells.put(session.id(), ProgressNotes.writes(staff, session) ? new Cell("Write note", href, state.name())
						: new Cell("No note yet", null, state.name()));
			}
		}
		return cells;
	}

}
