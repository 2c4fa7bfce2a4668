package care.rapport.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import care.rapport.audit.Actor;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, in the practice they are working in. Staff must pass a second factor;
 * a client must too once they have set one up.
 */
public final class RapportUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UserId id;

	private final String email;

	private final String displayName;

	private final PracticeId practiceId;

	private final String practiceName;

	private final Set<Role> roles;

	private final boolean mfaEnrolled;

	private @Nullable String passwordHash;

	public RapportUser(UserId id, String email, String displayName, PracticeId practiceId, String practiceName,
			Set<Role> roles, boolean mfaEnrolled, @Nullable String passwordHash) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.practiceId = practiceId;
		this.practiceName = practiceName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.mfaEnrolled = mfaEnrolled;
		this.passwordHash = passwordHash;
	}

	/**
	 * The person behind an authentication if they are fully signed in: none for visitors and for
	 * people who have not yet given their second factor (they hold no role yet).
	 */
	public static java.util.Optional<RapportUser> fullySignedIn(
			org.springframework.security.core.@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof RapportUser user && authentication
			.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority() != null && a.getAuthority().startsWith("ROLE_"))) {
			return java.util.Optional.of(user);
		}
		return java.util.Optional.empty();
	}

	public UserId id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public PracticeId practiceId() {
		return practiceId;
	}

	public String practiceName() {
		return practiceName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * The administrative rule, in one place: pages that run the practice (team, settings, kinds of
	 * session, instruments, consent templates) are for its admins. Anyone else gets the same 404 as
	 * for an object that is not theirs.
	 */
	public void requirePracticeAdmin() {
		if (!has(Role.PRACTICE_ADMIN)) {
			throw new care.rapport.practice.RecordNotFoundException();
		}
	}

	public boolean staff() {
		return roles.stream().anyMatch(Role::staff);
	}

	public boolean mfaEnrolled() {
		return mfaEnrolled;
	}

	public boolean mfaRequired() {
		return staff() || mfaEnrolled;
	}

	/** The role shown in the audit trail: the most privileged one held. */
	public Role primaryRole() {
		for (Role role : List.of(Role.PRACTICE_ADMIN, Role.SUPERVISOR, Role.THERAPIST)) {
			if (roles.contains(role)) {
				return role;
			}
		}
		return Role.CLIENT;
	}

	public Actor actor() {
		return new Actor(id.value(), displayName, primaryRole().name());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RapportUser user && user.id.equals(id) && user.practiceId.equals(practiceId);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "RapportUser[" + id + "]";
	}

}
