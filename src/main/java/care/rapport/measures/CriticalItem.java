package care.rapport.measures;

import java.util.Objects;

/**
 * An item whose answer needs a person's attention whatever the total, such as PHQ-9 item 9.
 *
 * @param threshold the raw answer (before any reverse scoring) at or above which the answer is critical
 * @param message what staff are told, in plain words
 */
public record CriticalItem(String itemId, int threshold, CriticalSeverity severity, String message) {

	public CriticalItem {
		Objects.requireNonNull(itemId, "itemId");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	public boolean isTriggeredBy(int answer) {
		return answer >= threshold;
	}

}
