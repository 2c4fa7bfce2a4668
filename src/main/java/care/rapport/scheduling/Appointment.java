package care.rapport.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.scheduling.AttendanceRefused.Code;
import org.jspecify.annotations.Nullable;

/**
 * An appointment and what became of it. Attendance moves only along its transitions:
 *
 * <pre>
 * SCHEDULED ──attend()──────────→ ATTENDED (final)
 *     │ ──noShow()──────────────→ NO_SHOW
 *     │ ──lateCancel(reason)────→ LATE_CANCELLED
 *     └ ──cancel(reason)────────→ CANCELLED
 * NO_SHOW / LATE_CANCELLED / CANCELLED ──reinstate()──→ SCHEDULED (up to 7 days after the start)
 * </pre>
 *
 * Attending and a no-show need the session to have started. {@code sessionNumber} is given once, when
 * the session is attended (the episode's next number), and never changes: measures and goal ratings
 * refer to it, so an attended session cannot be un-attended and nothing is renumbered. Each method
 * returns the appointment after the transition or refuses with an {@link AttendanceRefused}.
 */
public record Appointment(AppointmentId id, ClientId clientId, EpisodeId episodeId, UUID therapistId,
		Instant startsAt, Instant endsAt, Attendance attendance, @Nullable Integer sessionNumber,
		@Nullable String telehealthUrl, @Nullable String cancelReason, @Nullable Instant rescheduledFrom,
		@Nullable String outsideAvailabilityReason) {

	/** How long after its start a cancelled or missed session may be put back on the schedule. */
	public static final Duration REINSTATE_WINDOW = Duration.ofDays(7);

	/** The longest reason kept for a cancellation. */
	public static final int MAX_REASON = 300;

	/** What may be done to this appointment now; the sessions table offers exactly these. */
	public enum Transition {

		ATTEND("Attended"), NO_SHOW("No-show"), LATE_CANCEL("Late cancellation"), CANCEL("Cancel"),
		REINSTATE("Reinstate");

		private final String label;

		Transition(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public Duration length() {
		return Duration.between(startsAt, endsAt);
	}

	/** The transitions that would be accepted at {@code now}. */
	public Set<Transition> allowedAt(Instant now) {
		var allowed = EnumSet.noneOf(Transition.class);
		switch (attendance) {
			case SCHEDULED -> {
				if (started(now)) {
					allowed.add(Transition.ATTEND);
					allowed.add(Transition.NO_SHOW);
				}
				allowed.add(Transition.LATE_CANCEL);
				allowed.add(Transition.CANCEL);
			}
			case NO_SHOW, LATE_CANCELLED, CANCELLED -> {
				if (withinReinstateWindow(now)) {
					allowed.add(Transition.REINSTATE);
				}
			}
			case ATTENDED -> {
				// Final: its number is used by measures and goal ratings.
			}
		}
		return allowed;
	}

	public boolean allows(Transition transition, Instant now) {
		return allowedAt(now).contains(transition);
	}

	/** The client came. The number is given when the change is stored (see {@link Appointments}). */
	public Appointment attend(Instant now) {
		requireScheduled(Transition.ATTEND);
		if (!started(now)) {
			throw new AttendanceRefused(Code.NOT_STARTED, "This session has not started yet; record attendance once it has.");
		}
		return with(Attendance.ATTENDED, null);
	}

	/** The client did not come and did not cancel. */
	public Appointment noShow(Instant now) {
		requireScheduled(Transition.NO_SHOW);
		if (!started(now)) {
			throw new AttendanceRefused(Code.NOT_STARTED, "This session has not started yet; a no-show is recorded once it has.");
		}
		return with(Attendance.NO_SHOW, null);
	}

	/** The client cancelled at short notice. */
	public Appointment lateCancel(String reason) {
		requireScheduled(Transition.LATE_CANCEL);
		return with(Attendance.LATE_CANCELLED, reasonGiven(reason));
	}

	/** The session will not take place; its time is free again. */
	public Appointment cancel(String reason) {
		requireScheduled(Transition.CANCEL);
		return with(Attendance.CANCELLED, reasonGiven(reason));
	}

	/** A cancelled or missed session goes back on the schedule, e.g. recorded by mistake. */
	public Appointment reinstate(Instant now) {
		if (attendance == Attendance.SCHEDULED || attendance == Attendance.ATTENDED) {
			throw new AttendanceRefused(attendance == Attendance.ATTENDED ? Code.ALREADY_ATTENDED : Code.NOT_CANCELLED,
					attendance == Attendance.ATTENDED
							? "An attended session stays attended: measures and goal ratings refer to its number."
							: "This session is scheduled already.");
		}
		if (!withinReinstateWindow(now)) {
			throw new AttendanceRefused(Code.REINSTATE_WINDOW_CLOSED, "A session can be reinstated up to "
					+ REINSTATE_WINDOW.toDays() + " days after it was due; book a new one instead.");
		}
		return with(Attendance.SCHEDULED, null);
	}

	private boolean started(Instant now) {
		return !now.isBefore(startsAt);
	}

	private boolean withinReinstateWindow(Instant now) {
		return !now.isAfter(startsAt.plus(REINSTATE_WINDOW));
	}

	private void requireScheduled(Transition transition) {
		if (attendance == Attendance.ATTENDED) {
			throw new AttendanceRefused(Code.ALREADY_ATTENDED,
					"This session is recorded as attended; that stays, because measures and goal ratings refer to its number.");
		}
		if (attendance != Attendance.SCHEDULED) {
			throw new AttendanceRefused(Code.NOT_SCHEDULED, "This session is " + attendance.label().toLowerCase()
					+ " already; reinstate it first to record " + transition.label().toLowerCase() + ".");
		}
	}

	private static String reasonGiven(String reason) {
		String stripped = reason.strip();
		if (stripped.isEmpty()) {
			throw new AttendanceRefused(Code.REASON_REQUIRED, "Say briefly why the session is cancelled.");
		}
		if (stripped.length() > MAX_REASON) {
			throw new AttendanceRefused(Code.REASON_TOO_LONG,
					"Keep the reason to " + MAX_REASON + " characters.");
		}
		return stripped;
	}

	private Appointment with(Attendance next, @Nullable String reason) {
		return new Appointment(id, clientId, episodeId, therapistId, startsAt, endsAt, next, sessionNumber, telehealthUrl,
				reason, rescheduledFrom, outsideAvailabilityReason);
	}

}
