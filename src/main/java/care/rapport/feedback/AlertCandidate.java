package care.rapport.feedback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An alert the rules would raise now. Whether it is new or already open is decided by whoever keeps
 * the alerts, using {@link #dedupeKey()}.
 * <p>
 * The rules raise the same candidate from the same evidence every time they run; {@code observedAt}
 * identifies that evidence, so a closed alert is reopened only by a candidate observed after it.
 *
 * @param type what kind of alert
 * @param severity how soon it needs the therapist
 * @param instrumentCode the outcome instrument it is about; none for alliance alerts, which are about
 * the session check-in
 * @param sessionNumber the episode's session of the newest evidence
 * @param observedAt when the newest evidence was recorded (or due, for missed measures)
 * @param reason what was seen, in plain words with the numbers
 */
public record AlertCandidate(AlertType type, AlertSeverity severity, @Nullable String instrumentCode,
		int sessionNumber, Instant observedAt, String reason) {

	/**
	 * @return the same for every candidate of one type about one instrument, whatever the numbers,
	 * so an open alert is not raised again: {@code "OFF_TRACK:PHQ-9"}, or {@code "ALLIANCE"}
	 */
	public String dedupeKey() {
		return instrumentCode == null ? type.name() : type.name() + ":" + instrumentCode;
	}

}
