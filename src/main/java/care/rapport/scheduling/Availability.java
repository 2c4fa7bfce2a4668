package care.rapport.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import care.rapport.identity.UserId;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's weekly working windows and days off, in the practice's time zone. Bookings made in
 * Rapport must fall inside a window, unless the therapist has not set any up yet.
 */
@Service
public class Availability {

	/** A weekly window. */
	public record Window(DayOfWeek day, LocalTime starts, LocalTime ends) {
	}

	/** A day the therapist does not work. */
	public record DayOff(LocalDate day, String reason) {
	}

	/** Offered times start on the half hour. */
	private static final int SLOT_STEP_MINUTES = 30;

	private static final String DAY_OFF_REASON = "availability_exception.reason";

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	Availability(JdbcClient jdbc, SensitiveText sensitive) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
	}

	public List<Window> windows(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				select weekday, starts, ends from availability where practice_id = :p and therapist_id = :t
				order by weekday, starts""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query((rs, n) -> new Window(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class)))
			.list();
	}

	public List<DayOff> daysOff(PracticeId practice, UserId therapist, LocalDate from) {
		return jdbc.sql("""
				select day, reason, reason_sealed from availability_exception
				where practice_id = :p and therapist_id = :t and day >= :from order by day""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("from", from)
			// Rows not yet moved by SealedReasonsMigration still have the plaintext column.
			.query((rs, n) -> new DayOff(rs.getObject(1, LocalDate.class),
					Optional.ofNullable(sensitive.decrypt(practice, DAY_OFF_REASON, rs.getBytes(3)))
						.orElse(Optional.ofNullable(rs.getString(2)).orElse(""))))
			.list();
	}

	/** @throws IllegalArgumentException when the window ends before it starts or overlaps another */
	@Transactional
	public void addWindow(PracticeId practice, UserId therapist, Window window) {
		if (!window.ends().isAfter(window.starts())) {
			throw new IllegalArgumentException("A window ends after it starts.");
		}
		boolean overlaps = windows(practice, therapist).stream()
			.anyMatch(w -> w.day() == window.day() && w.starts().isBefore(window.ends())
					&& window.starts().isBefore(w.ends()));
		if (overlaps) {
			throw new IllegalArgumentException("That window overlaps one you already have on that day.");
		}
		jdbc.sql("insert into availability (practice_id, therapist_id, weekday, starts, ends) values (:p, :t, :d, :s, :e)")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("d", window.day().getValue())
			.param("s", window.starts())
			.param("e", window.ends())
			.update();
	}

	@Transactional
	public void removeWindow(PracticeId practice, UserId therapist, DayOfWeek day, LocalTime starts) {
		jdbc.sql("delete from availability where practice_id = :p and therapist_id = :t and weekday = :d and starts = :s")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("d", day.getValue())
			.param("s", starts)
			.update();
	}

	@Transactional
	public void addDayOff(PracticeId practice, UserId therapist, LocalDate day, String reason) {
		if (reason.isBlank() || reason.length() > 200) {
			throw new IllegalArgumentException("Give a short reason for the day off (up to 200 characters).");
		}
		jdbc.sql("""
				insert into availability_exception (practice_id, therapist_id, day, reason_sealed) values (:p, :t, :d, :r)
				on conflict (practice_id, therapist_id, day) do update set reason_sealed = :r, reason = null""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("d", day)
			.param("r", sensitive.encrypt(practice, DAY_OFF_REASON, reason.strip()))
			.update();
	}

	/**
	 * Times a client may ask for: starts on the half hour inside the therapist's windows, from
	 * {@code earliest} on and for {@code days} days, leaving out days off, booked sessions and times
	 * another client has already asked for. None when the therapist has no windows set up.
	 */
	public List<LocalDateTime> openSlots(PracticeId practice, UserId therapist, ZoneId zone, Instant earliest,
			int days, int minutes) {
		List<Window> windows = windows(practice, therapist);
		if (windows.isEmpty()) {
			return List.of();
		}
		LocalDate first = earliest.atZone(zone).toLocalDate();
		LocalDate last = first.plusDays(days - 1L);
		var off = daysOff(practice, therapist, first).stream().map(DayOff::day).collect(Collectors.toSet());
		List<Instant[]> busy = busy(practice, therapist, first.atStartOfDay(zone).toInstant(),
				last.plusDays(1).atStartOfDay(zone).toInstant());
		List<LocalDateTime> slots = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (off.contains(day)) {
				continue;
			}
			for (Window window : windows) {
				if (window.day() != day.getDayOfWeek()) {
					continue;
				}
				// Counted in minutes of the day: LocalTime arithmetic would wrap past midnight.
				int latestStart = window.ends().toSecondOfDay() / 60 - minutes;
				for (int minute = window.starts().toSecondOfDay() / 60; minute <= latestStart; minute += SLOT_STEP_MINUTES) {
					Instant from = day.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
					Instant to = from.plusSeconds(60L * minutes);
					if (!from.isBefore(earliest) && busy.stream().noneMatch(b -> b[0].isBefore(to) && from.isBefore(b[1]))) {
						slots.add(day.atStartOfDay().plusMinutes(minute));
					}
				}
			}
		}
		return slots;
	}

	/** Booked sessions and pending requests of the therapist overlapping the period, as [start, end). */
	private List<Instant[]> busy(PracticeId practice, UserId therapist, Instant from, Instant to) {
		return jdbc.sql("""
				select starts_at, ends_at from appointment
				where practice_id = :p and therapist_id = :t and status in ('SCHEDULED', 'ATTENDED')
				    and starts_at < :to and ends_at > :from
				union all
				select starts_at, starts_at + make_interval(mins => minutes) from appointment_request
				where practice_id = :p and therapist_id = :t and status = 'PENDING'
				    and starts_at < :to and starts_at + make_interval(mins => minutes) > :from""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
			.param("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
			.query((rs, n) -> new Instant[] { rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(2, java.time.OffsetDateTime.class).toInstant() })
			.list();
	}

	/**
	 * Why a session at this local time would fall outside the therapist's availability, or empty
	 * when it is fine (or no windows are set up).
	 */
	public Optional<String> problemWith(PracticeId practice, UserId therapist, LocalDateTime start, int minutes) {
		var dayOff = daysOff(practice, therapist, start.toLocalDate()).stream()
			.filter(d -> d.day().equals(start.toLocalDate()))
			.findFirst();
		if (dayOff.isPresent()) {
			// Without the reason: clients read this too, and why a therapist is off is theirs.
			return Optional.of("The therapist does not work on " + start.toLocalDate() + ".");
		}
		List<Window> windows = windows(practice, therapist);
		if (windows.isEmpty()) {
			return Optional.empty();
		}
		LocalTime from = start.toLocalTime();
		LocalTime to = from.plusMinutes(minutes);
		boolean inside = to.isAfter(from) && windows.stream()
			.anyMatch(w -> w.day() == start.getDayOfWeek() && !from.isBefore(w.starts()) && !to.isAfter(w.ends()));
		return inside ? Optional.empty()
				: Optional.of("That time is outside the therapist's availability on "
						+ start.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CANADA)
						+ "s. See their availability and choose a time inside it.");
	}

}
