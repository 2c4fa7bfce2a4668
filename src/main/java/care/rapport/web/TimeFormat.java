package care.rapport.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Shows instants in the practice's time zone; templates call it as {@code @times}. */
@Component("times")
public class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a z",
			Locale.CANADA);

	public String format(@Nullable Instant instant, ZoneId zone) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
	}

}
