package care.rapport.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.scheduling.Availability;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The therapists' working week (Monday to Thursday, 9 to 5, so clients see times to ask for and
 * every demo session falls within it) and one client's request waiting for Sam's answer.
 */
@Component
class DemoScheduling {

	private final Availability availability;

	private final JdbcClient jdbc;

	DemoScheduling(Availability availability, JdbcClient jdbc) {
		this.availability = availability;
		this.jdbc = jdbc;
	}

	static final Set<DayOfWeek> WORKING_DAYS = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY);

	static final LocalTime DAY_STARTS = LocalTime.of(9, 0);

	static final LocalTime DAY_ENDS = LocalTime.of(17, 0);

	/**
	 * Every therapist works Monday to Thursday; Sam also on the day of Alex's next session,
	 * tomorrow, when it falls outside those days, so that the demo always has a session tomorrow.
	 */
	void workingWeeks(PracticeId practice, ZoneId zone, List<UserId> therapists) {
		for (UserId therapist : therapists) {
			Set<DayOfWeek> days = EnumSet.copyOf(WORKING_DAYS);
			if (therapist.equals(therapists.get(0))) {
				days.add(tomorrow(zone).getDayOfWeek());
			}
			for (DayOfWeek day : days) {
				availability.addWindow(practice, therapist, new Availability.Window(day, DAY_STARTS, DAY_ENDS));
			}
		}
	}

	static LocalDate tomorrow(ZoneId zone) {
		return LocalDate.now(zone).plusDays(1);
	}

	void create(PracticeId practice, ZoneId zone, UserId sam, ClientId asking) {
		var when = LocalDate.now(zone).plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY))
			.atTime(15, 0)
			.atZone(zone);
		jdbc.sql("""
				insert into appointment_request (practice_id, request_id, client_id, therapist_id, starts_at, minutes,
				    request_key, created_at)
				values (:p, :id, :c, :t, :start, 50, :key, now())""")
			.param("p", practice.value())
			.param("id", Ids.next())
			.param("c", asking.value())
			.param("t", sam.value())
			.param("start", OffsetDateTime.ofInstant(when.toInstant(), ZoneOffset.UTC))
			.param("key", UUID.randomUUID())
			.update();
	}

}
