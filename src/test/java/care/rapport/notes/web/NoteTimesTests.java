package care.rapport.notes.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Draft saved …" uses the same 12-hour clock as the rest of the page ("6:59 a.m.", never "06:59"). */
class NoteTimesTests {

	private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

	@Test
	void aDraftSavedTodayShowsTheTimeOnTheTwelveHourClock() {
		assertThat(NoteController.when(VANCOUVER, Instant.now())).matches("\\d{1,2}:\\d{2} [ap]\\.m\\.");
	}

	@Test
	void aDraftSavedAnotherDayShowsTheDayAndTheTwelveHourClock() {
		assertThat(NoteController.when(VANCOUVER, Instant.now().minus(Duration.ofDays(3))))
			.matches("\\w{3}\\.? \\d{1,2} \\w{3}\\.?, \\d{1,2}:\\d{2} [ap]\\.m\\.");
	}

}
