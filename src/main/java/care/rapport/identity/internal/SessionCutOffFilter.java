package care.rapport.identity.internal;

import java.io.IOException;

import care.rapport.identity.RapportUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a session that authenticated before its account's password or authenticator changed
 * elsewhere: the session ends and the person is asked to sign in again.
 */
class SessionCutOffFilter extends OncePerRequestFilter {

	private final AccountSessions sessions;

	SessionCutOffFilter(AccountSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof RapportUser user
				&& !sessions.stillValid(user.id(), session)) {
			SecurityContextHolder.clearContext();
			session.invalidate();
			response.sendRedirect("/login?ended");
			return;
		}
		chain.doFilter(request, response);
	}

}
