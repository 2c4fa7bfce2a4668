package care.rapport.audit;

import java.time.Instant;

/**
 * A practice's audit chain as it stood at a moment: how many records it had and the hash of the
 * last one. Later checks compare the chain against it, so records cut off the end show.
 */
public record AuditCheckpoint(Instant takenAt, long recordCount, String headHash) {

	/** The first characters of the head hash, enough to compare by eye with a copy kept elsewhere. */
	public String shortHash() {
		return headHash.substring(0, Math.min(12, headHash.length()));
	}

}
