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
 * @param keyQualifier what sets this alert apart from others of its type and instrument, if anything
 */
public record AlertCandidate(AlertType type, AlertSeverity severity, @Nullable String instrumentCode,
		int sessionNumber, Instant observedAt, String reason, @Nullable String keyQualifier) {

	public AlertCandidate(AlertType type, AlertSeverity severity, @Nullable String instrumentCode, int sessionNumber,
			Instant observedAt, String reason) {
		this(type, severity, instrumentCode, sessionNumber, observedAt, reason, null);
	}

	/**
	 * @return the same for every candidate of one type about one instrument, whatever the numbers,
	 * so an open alert is not raised again: {@code "OFF_TRACK:PHQ-9"}; with a qualifier, alerts that
	 * must not hide each other get keys of their own: {@code "ALLIANCE:S5"} (a rupture at session 5
	 * is not hidden by one at session 2), {@code "DETERIORATION:PHQ-9:RELIABLE"} (a reliable
	 * worsening is not hidden by an earlier early warning)
	 */
	public String dedupeKey() {
		String key = instrumentCode == null ? type.name() : type.name() + ":" + instrumentCode;
		return keyQualifier == null ? key : key + ":" + keyQualifier;
	}

}
