package care.rapport.identity;

import java.util.UUID;

import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;

/**
 * Someone accepted an invitation and now has an account with the role they were invited to.
 *
 * @param subjectId what the invitation was about, such as the client record it gives access to
 */
public record InvitationAccepted(PracticeId practiceId, UserId userId, Role role, @Nullable UUID subjectId) {
}
