package care.rapport.identity.internal;

import java.io.IOException;

import care.rapport.audit.Actor;
import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** What happens after the password step: on to the second factor, or back with a generic error. */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String TYPED_EMAIL = "rapport.signIn.email";

	private final SignIn signIn;

	private final LoginAttempts attempts;

	private final Accounts accounts;

	private final AuditLog audit;

	SignInHandlers(SignIn signIn, LoginAttempts attempts, Accounts accounts, AuditLog audit) {
		this.signIn = signIn;
		this.attempts = attempts;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		RapportUser user = (RapportUser) authentication.getPrincipal();
		request.getSession().removeAttribute(TYPED_EMAIL);
		if (user.mfaRequired()) {
			// Spring Security has given the session a new id already; this notes the time as well.
			signIn.raiseAuthenticationLevel(request);
			signIn.replaceAuthentication(request, response, new MfaPendingAuthentication(authentication));
			response.sendRedirect(user.mfaEnrolled() ? "/login/mfa" : "/login/mfa/setup");
			return;
		}
		signIn.complete(request, response, authentication);
		response.sendRedirect(signIn.onwardUrl(request, response, user));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = String.valueOf(request.getParameter("email")).strip();
		request.getSession().setAttribute(TYPED_EMAIL, email);
		if (exception instanceof LockedException) {
			recordFailure(email, AuditAction.SIGN_IN_FAILED, "Sign-in refused: locked after failed attempts");
			response.sendRedirect("/login?locked");
			return;
		}
		if (!(exception instanceof BadCredentialsException)) {
			// Rapport's own failure, not the person's: don't count it against them.
			response.sendRedirect("/login?unavailable");
			return;
		}
		boolean nowLocked = attempts.recordFailure(email);
		recordFailure(email, nowLocked ? AuditAction.SIGN_IN_LOCKED : AuditAction.SIGN_IN_FAILED,
				nowLocked ? "Locked for 15 minutes after " + LoginAttempts.MAX_FAILURES + " failed sign-ins"
						: "Wrong e-mail or password");
		response.sendRedirect(nowLocked ? "/login?locked" : "/login?error");
	}

	/** Writes a failed sign-in to each practice of the account, or to the security log if there is none. */
	void recordFailure(String email, AuditAction action, String detail) {
		var account = accounts.findByEmail(email);
		if (account.isEmpty()) {
			audit.recordSecurityEvent(action, detail + " (no such account: " + Accounts.normalizeEmail(email) + ")");
			return;
		}
		var actor = new Actor(account.get().value(), Accounts.normalizeEmail(email), "ANONYMOUS");
		for (var practice : accounts.practicesOf(account.get())) {
			audit.record(AuditEntry.of(practice, actor, action, detail));
		}
	}

}
