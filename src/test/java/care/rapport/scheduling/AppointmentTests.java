package care.rapport.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.scheduling.Appointment.Transition;
import care.rapport.scheduling.AttendanceRefused.Code;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every change of attendance, allowed and refused, without a database. */
class AppointmentTests {

	static final Instant START = Instant.parse("2026-11-02T18:00:00Z");

	static final Instant BEFORE = START.minus(Duration.ofHours(2));

	static final Instant DURING = START.plus(Duration.ofMinutes(10));

	static Appointment in(Attendance attendance) {
		return new Appointment(new AppointmentId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
				new EpisodeId(UUID.randomUUID()), UUID.randomUUID(), START, START.plus(Duration.ofMinutes(50)), attendance,
				attendance == Attendance.ATTENDED ? 3 : null, null,
				attendance == Attendance.CANCELLED || attendance == Attendance.LATE_CANCELLED ? "Ill" : null, null, null);
	}

	static Appointment scheduled() {
		return in(Attendance.SCHEDULED);
	}

	@Test
	void aSessionThatHasStartedCanBeAttended() {
		assertThat(scheduled().attend(DURING).attendance()).isEqualTo(Attendance.ATTENDED);
		assertThat(scheduled().attend(START).attendance()).as("from its first minute").isEqualTo(Attendance.ATTENDED);
	}

	@Test
	void aSessionInTheFutureCannotBeAttendedOrMissed() {
		assertThatThrownBy(() -> scheduled().attend(BEFORE)).isInstanceOf(AttendanceRefused.class)
			.extracting(ex -> ((AttendanceRefused) ex).reason())
			.isEqualTo(Code.NOT_STARTED);
		assertThatThrownBy(() -> scheduled().noShow(BEFORE)).extracting(ex -> ((AttendanceRefused) ex).reason())
			.isEqualTo(Code.NOT_STARTED);
	}

	@Test
	void anAttendedSessionStaysAttended() {
		var attended = in(Attendance.ATTENDED);
		assertThat(code(() -> attended.attend(DURING))).isEqualTo(Code.ALREADY_ATTENDED);
		assertThat(code(() -> attended.noShow(DURING))).isEqualTo(Code.ALREADY_ATTENDED);
		assertThat(code(() -> attended.cancel("Mistake"))).isEqualTo(Code.ALREADY_ATTENDED);
		assertThat(code(() -> attended.lateCancel("Mistake"))).isEqualTo(Code.ALREADY_ATTENDED);
		assertThat(code(() -> attended.reinstate(DURING))).isEqualTo(Code.ALREADY_ATTENDED);
		assertThat(attended.allowedAt(DURING)).isEmpty();
	}

	@Test
	void aNoShowIsRecordedOnceTheSessionHasStarted() {
		assertThat(scheduled().noShow(DURING).attendance()).isEqualTo(Attendance.NO_SHOW);
	}

	@Test
	void cancellingNeedsAReasonAndKeepsIt() {
		assertThat(code(() -> scheduled().cancel("  "))).isEqualTo(Code.REASON_REQUIRED);
		assertThat(code(() -> scheduled().lateCancel(""))).isEqualTo(Code.REASON_REQUIRED);
		assertThat(code(() -> scheduled().cancel("x".repeat(301)))).isEqualTo(Code.REASON_TOO_LONG);
		var cancelled = scheduled().cancel(" Therapist ill ");
		assertThat(cancelled.attendance()).isEqualTo(Attendance.CANCELLED);
		assertThat(cancelled.cancelReason()).isEqualTo("Therapist ill");
		var late = scheduled().lateCancel("Car broke down");
		assertThat(late.attendance()).isEqualTo(Attendance.LATE_CANCELLED);
		assertThat(late.cancelReason()).isEqualTo("Car broke down");
	}

	@Test
	void aSessionNotScheduledCannotBeCancelledOrAttendedAgain() {
		for (Attendance done : new Attendance[] { Attendance.CANCELLED, Attendance.LATE_CANCELLED, Attendance.NO_SHOW }) {
			var appointment = in(done);
			assertThat(code(() -> appointment.attend(DURING))).as(done.name()).isEqualTo(Code.NOT_SCHEDULED);
			assertThat(code(() -> appointment.noShow(DURING))).as(done.name()).isEqualTo(Code.NOT_SCHEDULED);
			assertThat(code(() -> appointment.cancel("Again"))).as(done.name()).isEqualTo(Code.NOT_SCHEDULED);
			assertThat(code(() -> appointment.lateCancel("Again"))).as(done.name()).isEqualTo(Code.NOT_SCHEDULED);
		}
	}

	@Test
	void cancelledAndMissedSessionsCanBeReinstatedForSevenDaysAfterTheirStart() {
		for (Attendance done : new Attendance[] { Attendance.CANCELLED, Attendance.LATE_CANCELLED, Attendance.NO_SHOW }) {
			var reinstated = in(done).reinstate(START.plus(Duration.ofDays(7)));
			assertThat(reinstated.attendance()).as(done.name()).isEqualTo(Attendance.SCHEDULED);
			assertThat(reinstated.cancelReason()).as("the reason goes with the cancellation").isNull();
			assertThat(code(() -> in(done).reinstate(START.plus(Duration.ofDays(7)).plusSeconds(1))))
				.isEqualTo(Code.REINSTATE_WINDOW_CLOSED);
		}
		assertThat(code(() -> scheduled().reinstate(DURING))).isEqualTo(Code.NOT_CANCELLED);
	}

	@Test
	void theAllowedTransitionsAreExactlyTheOnesThatSucceed() {
		assertThat(scheduled().allowedAt(BEFORE)).containsExactlyInAnyOrder(Transition.LATE_CANCEL, Transition.CANCEL);
		assertThat(scheduled().allowedAt(DURING)).containsExactlyInAnyOrder(Transition.ATTEND, Transition.NO_SHOW,
				Transition.LATE_CANCEL, Transition.CANCEL);
		assertThat(in(Attendance.NO_SHOW).allowedAt(DURING)).containsExactly(Transition.REINSTATE);
		assertThat(in(Attendance.CANCELLED).allowedAt(START.plus(Duration.ofDays(8)))).isEmpty();
		for (Attendance state : Attendance.values()) {
			for (Instant now : new Instant[] { BEFORE, DURING, START.plus(Duration.ofDays(8)) }) {
				for (Transition transition : Transition.values()) {
					boolean succeeded;
					try {
						apply(in(state), transition, now);
						succeeded = true;
					}
					catch (AttendanceRefused ex) {
						succeeded = false;
					}
					assertThat(succeeded).as("%s %s at %s", transition, state, now)
						.isEqualTo(in(state).allows(transition, now));
				}
			}
		}
	}

	private static Appointment apply(Appointment appointment, Transition transition, Instant now) {
		return switch (transition) {
			case ATTEND -> appointment.attend(now);
			case NO_SHOW -> appointment.noShow(now);
			case LATE_CANCEL -> appointment.lateCancel("Reason");
			case CANCEL -> appointment.cancel("Reason");
			case REINSTATE -> appointment.reinstate(now);
		};
	}

	private static Code code(Runnable transition) {
		try {
			transition.run();
		}
		catch (AttendanceRefused ex) {
			return ex.reason();
		}
		throw new AssertionError("expected a refusal");
	}

}
