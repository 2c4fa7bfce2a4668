package care.rapport.audit;

import java.util.UUID;

import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;

/**
 * One thing to write to the trail. {@code detail} says what happened without clinical content,
 * because admins read the trail.
 */
public record AuditEntry(PracticeId practiceId, Actor actor, AuditAction action, @Nullable UUID clientId,
		String detail) {

	public static AuditEntry of(PracticeId practiceId, Actor actor, AuditAction action, String detail) {
		return new AuditEntry(practiceId, actor, action, null, detail);
	}

	public static AuditEntry aboutClient(PracticeId practiceId, Actor actor, AuditAction action, UUID clientId,
			String detail) {
		return new AuditEntry(practiceId, actor, action, clientId, detail);
	}

}
