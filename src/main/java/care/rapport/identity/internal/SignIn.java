package care.rapport.identity.internal;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/** The last steps of signing in, shared by the password step and the second-factor step. */
@Component
public class SignIn {

	private final SecurityContextRepository contexts;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final LoginAttempts attempts;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	static final String RETURN_TO = "rapport.signIn.returnTo";

	private final AccountSessions sessions;

	SignIn(SecurityContextRepository contexts, AuditLog audit, SecuritySettings settings, LoginAttempts attempts,
			AccountSessions sessions) {
		this.sessions = sessions;
		this.contexts = contexts;
		this.audit = audit;
		this.settings = settings;
		this.attempts = attempts;
	}

	/** Puts an authentication into the session. */
	public void replaceAuthentication(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	/**
	 * Gives the session a new id and notes the time. Called on every change of authentication
	 * level (password step, second factor, enrolling an authenticator), so an id seen before the
	 * change, by someone who planted it or read it, is worth nothing after it.
	 */
	public void raiseAuthenticationLevel(HttpServletRequest request) {
		request.getSession();
		request.changeSessionId();
		sessions.authenticated(request);
	}

	/** Signs the person in fully: new session id, idle timeout by role, audit. */
	public void complete(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		RapportUser user = (RapportUser) authentication.getPrincipal();
		raiseAuthenticationLevel(request);
		replaceAuthentication(request, response, authentication);
		var idle = user.staff() ? settings.staffIdleTimeout() : settings.clientIdleTimeout();
		request.getSession().setMaxInactiveInterval((int) idle.toSeconds());
		attempts.reset(user.email());
		audit.record(AuditEntry.of(user.practiceId(), user.actor(), AuditAction.SIGN_IN_SUCCEEDED,
				"Signed in" + (user.mfaRequired() ? " with password and verification code" : " with password")));
	}

	/**
	 * Asks that after the next sign-in the person comes back to an invitation they opened. Only
	 * invitation paths are kept, so this cannot send anyone to another site.
	 */
	public static void returnToInvitation(HttpServletRequest request, String token) {
		if (token.matches("[A-Za-z0-9_-]{1,100}")) {
			request.getSession().setAttribute(RETURN_TO, "/invitations/" + token);
		}
	}

	/** Where the signed-in person was going before sign-in interrupted them, or their home page. */
	public String onwardUrl(HttpServletRequest request, HttpServletResponse response, RapportUser user) {
		Object invitation = request.getSession().getAttribute(RETURN_TO);
		if (invitation instanceof String path) {
			request.getSession().removeAttribute(RETURN_TO);
			requestCache.removeRequest(request, response);
			return path;
		}
		var saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		return saved != null && !saved.getRedirectUrl().contains("/login") ? saved.getRedirectUrl() : homeOf(user);
	}

	public static String homeOf(RapportUser user) {
		return user.staff() ? "/app" : "/me";
	}

}
