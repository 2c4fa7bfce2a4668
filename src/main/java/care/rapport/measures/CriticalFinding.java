package care.rapport.measures;

/** A critical item that was triggered by an answer, with what staff should be told. */
public record CriticalFinding(String itemId, int value, String answerLabel, CriticalSeverity severity,
		String message) {
}
