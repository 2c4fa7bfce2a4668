package care.rapport.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a signed-in person in one of their roles, or the system itself.
 *
 * @param userId the person's account, none for the system
 * @param name how the person is shown in the trail
 * @param role the role they acted in
 */
public record Actor(@Nullable UUID userId, String name, String role) {

	public static final Actor SYSTEM = new Actor(null, "Rapport", "SYSTEM");

}
