package care.rapport.notes;

import java.time.Instant;

import care.rapport.scheduling.AppointmentId;

/**
 * A therapist's psychotherapy (process) note about a session: their own working notes, kept apart
 * from the client's record and readable by them alone.
 *
 * @param version counts saves; a save names the version it was made from
 */
public record PsychotherapyNote(AppointmentId appointmentId, String text, int version, Instant updatedAt) {
}
