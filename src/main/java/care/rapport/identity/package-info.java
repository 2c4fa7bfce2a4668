/**
 * Who someone is and what they may do: accounts, memberships and roles, password and TOTP
 * sign-in, lock-out, invitations.
 */
@NullMarked
@ApplicationModule(displayName = "Identity")
package care.rapport.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
