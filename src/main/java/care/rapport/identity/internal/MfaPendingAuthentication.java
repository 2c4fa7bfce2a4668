package care.rapport.identity.internal;

import java.io.Serial;
import java.util.List;

import care.rapport.identity.RapportUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person who gave the right password but not yet their second factor: they may reach the
 * verification pages and nothing else.
 */
public final class MfaPendingAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String AUTHORITY = "MFA_PENDING";

	private final Authentication passwordAuthentication;

	public MfaPendingAuthentication(Authentication passwordAuthentication) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.passwordAuthentication = passwordAuthentication;
		setAuthenticated(true);
	}

	public Authentication passwordAuthentication() {
		return passwordAuthentication;
	}

	public RapportUser user() {
		return (RapportUser) passwordAuthentication.getPrincipal();
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return user();
	}

}
