package care.rapport.practice;

import java.time.ZoneId;

/** A practice as other modules see it. */
public record Practice(PracticeId id, String name, ZoneId timeZone, String jurisdiction) {
}
