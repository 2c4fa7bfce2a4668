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
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar for calendar apps: a therapist's feed at a secret URL, showing client initials only,
 * and a single session as an .ics file for the client.
 */
@Service
public class CalendarFeeds {

	private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

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

	/**
	 * The feed behind a token: the last 30 days and the next 180, cancelled sessions left out. One
	 * session that cannot be written never costs the therapist the rest of their calendar: it is
	 * written without its video link, or left out, and logged.
	 */
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
					if (entry.appointment().attendance() == Attendance.CANCELLED) {
						continue;
					}
					String who = initials(entry.clientName());
					try {
						calendar.add(event(entry.appointment(), "Session: " + who,
								"Session with " + who + ". Details are in Rapport."));
					}
					catch (RuntimeException ex) {
						log.warn("Left appointment {} out of a calendar feed: it could not be written", entry.appointment().id(),
								ex);
					}
				}
				return write(calendar);
			});
	}

	/** One session for the client's own calendar. */
	public String single(Appointment appointment, String practiceName) {
		var calendar = newCalendar();
		calendar.add(event(appointment, "Session with " + practiceName,
				"Your session with " + practiceName + ". To change it, contact your therapist or use Rapport."));
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

	/**
	 * An event in UTC ({@code DTSTART:…Z}, valid without a VTIMEZONE), located at its video link or
	 * in person. The description says nothing clinical: calendars sync to phones and other services.
	 */
	private static VEvent event(Appointment appointment, String summary, String description) {
		var event = new VEvent(appointment.startsAt(), appointment.endsAt(), summary);
		event.add(new Uid(appointment.id() + "@rapport"));
		Optional<URI> link = Optional.ofNullable(appointment.telehealthUrl()).flatMap(VideoLinks::parse);
		if (appointment.telehealthUrl() != null && link.isEmpty()) {
			log.warn("Appointment {} has a stored video link that is not an https address; written without it",
					appointment.id());
		}
		if (link.isPresent()) {
			event.add(new Url(link.get()));
			event.add(new Location(link.get().toString()));
			event.add(new Description(description + " Join by video: " + link.get()));
		}
		else {
			event.add(new Location(appointment.telehealthUrl() != null ? "Video (link in Rapport)" : "In person"));
			event.add(new Description(description));
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
