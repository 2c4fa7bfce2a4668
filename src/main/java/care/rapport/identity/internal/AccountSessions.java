package care.rapport.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import care.rapport.identity.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Ends an account's other sessions when its password or authenticator changes: each session
 * remembers when it last authenticated, each account when its sessions were last cut off, and a
 * session from before that cut-off is refused on its next request ({@link SessionCutOffFilter}).
 * The cut-offs live in memory because the sessions do too (the servlet container's): a restart
 * ends every session anyway.
 */
@Component
public class AccountSessions {

	static final String AUTHENTICATED_AT = "rapport.authenticatedAt";

	private final Map<UUID, Instant> cutOffs = new ConcurrentHashMap<>();

	private final Clock clock;

	AccountSessions(Clock clock) {
		this.clock = clock;
	}

	/** Notes that this session has just passed a sign-in step. */
	void authenticated(HttpServletRequest request) {
		request.getSession().setAttribute(AUTHENTICATED_AT, clock.instant());
	}

	/** Signs the account out everywhere but in this request's session. */
	public void endOtherSessions(UserId account, HttpServletRequest request) {
		Instant now = clock.instant();
		cutOffs.merge(account.value(), now, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
		request.getSession().setAttribute(AUTHENTICATED_AT, now);
	}

	boolean stillValid(UserId account, @Nullable HttpSession session) {
		Instant cutOff = cutOffs.get(account.value());
		if (cutOff == null || session == null) {
			return true;
		}
		Object at = session.getAttribute(AUTHENTICATED_AT);
		return at instanceof Instant authenticatedAt && !authenticatedAt.isBefore(cutOff);
	}

}
