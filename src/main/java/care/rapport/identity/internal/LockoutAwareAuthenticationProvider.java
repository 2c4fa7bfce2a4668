package care.rapport.identity.internal;

import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Checks the password unless the typed e-mail is locked; a locked e-mail is refused unchecked. */
class LockoutAwareAuthenticationProvider extends DaoAuthenticationProvider {

	private final LoginAttempts attempts;

	LockoutAwareAuthenticationProvider(UserDetailsService users, PasswordEncoder passwords, LoginAttempts attempts) {
		super(users);
		setPasswordEncoder(passwords);
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (attempts.isLocked(String.valueOf(authentication.getName()))) {
			throw new LockedException("Locked after failed attempts");
		}
		return super.authenticate(authentication);
	}

}
