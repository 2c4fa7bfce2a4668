package care.rapport.scheduling;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import care.rapport.identity.UserId;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Tokens;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar for calendar apps: a therapist's feed at a secret URL, showing client initials only,
 * and a single session as an .ics file for the client.
 */
@Service
public class CalendarFeeds {

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, Appointments appointments, Clock clock) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.clock = clock;
	}

	/** Makes (or replaces) the therapist's secret feed token; the old URL stops working. */
	@Transactional
	public String renew(PracticeId practice, UserId therapist) {
		String token = Tokens.newToken();
		jdbc.sql("""
				insert into calendar_feed (practice_id, user_id, token_hash, created_at) values (:p, :u, :h, :now)
				on conflict (practice_id, user_id) do update set token_hash = :h, created_at = :now""")
			.param("p", practice.value())
			.param("u", therapist.value())
			.param("h", Tokens.hash(token))
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		return token;
	}

	/** The feed behind a token: the last 30 days and the next 180, cancelled sessions left out. */
	public Optional<String> feed(String token) {
		record Owner(UUID practiceId, UUID userId) {
		}
		return jdbc.sql("select practice_id, user_id from calendar_feed where token_hash = :h")
			.param("h", Tokens.hash(token))
			.query(Owner.class)
			.optional()
			.map(owner -> {
				Instant now = clock.instant();
				var entries = appointments.calendar(new PracticeId(owner.practiceId()), new UserId(owner.userId()),
						now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(180)));
				var calendar = newCalendar();
				for (var entry : entries) {
					if (entry.appointment().attendance() != Attendance.CANCELLED) {
						calendar.add(event(entry.appointment(), "Session: " + initials(entry.clientName())));
					}
				}
				return write(calendar);
			});
	}

	/** One session for the client's own calendar. */
	public String single(Appointment appointment, String practiceName) {
		var calendar = newCalendar();
		calendar.add(event(appointment, "Session with " + practiceName));
		return write(calendar);
	}

	/** "Alex Rivera" → "A. R.": enough to tell sessions apart, little to reveal if a phone is lost. */
	static String initials(String name) {
		var initials = new StringBuilder();
		for (String part : name.strip().split("\\s+")) {
			if (!part.isEmpty()) {
				initials.append(part.substring(0, 1).toUpperCase()).append(". ");
			}
		}
		return initials.toString().strip();
	}

	private static Calendar newCalendar() {
		var calendar = new Calendar();
		calendar.add(new ProdId("-//Rapport//Sessions 1.0//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		return calendar;
	}

	private static VEvent event(Appointment appointment, String summary) {
		var event = new VEvent(appointment.startsAt().atZone(ZoneOffset.UTC), appointment.endsAt().atZone(ZoneOffset.UTC),
				summary);
		event.add(new Uid(appointment.id() + "@rapport"));
		@Nullable String url = appointment.telehealthUrl();
		if (url != null) {
			event.add(new Url(URI.create(url)));
		}
		return event;
	}

	private static String write(Calendar calendar) {
		var out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}


}
