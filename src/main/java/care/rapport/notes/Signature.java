package care.rapport.notes;

import java.time.Instant;

import care.rapport.identity.UserId;

/** Who signed (or co-signed) a note, and when. */
public record Signature(UserId by, String name, Instant at) {
}
