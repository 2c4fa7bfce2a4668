package care.rapport.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import care.rapport.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per typed e-mail and locks it for {@link #LOCK_FOR} after
 * {@link #MAX_FAILURES}. Unknown e-mails are counted too, so being locked reveals nothing.
 */
@Component
public class LoginAttempts {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK_FOR = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean isLocked(String email) {
		return jdbc.sql("select count(*) from login_attempt where email = :e and locked_until > :now")
			.param("e", Accounts.normalizeEmail(email))
			.param("now", now())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts a failure in its own transaction, so it sticks even when the sign-in is rolled back.
	 * @return whether this failure locked the e-mail
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean recordFailure(String email) {
		var now = now();
		int failures = jdbc.sql("""
				insert into login_attempt (email, failures, last_failure_at) values (:e, 1, :now)
				on conflict (email) do update set
				    failures = case when login_attempt.locked_until is not null and login_attempt.locked_until <= :now
				                    then 1 else login_attempt.failures + 1 end,
				    locked_until = case when login_attempt.locked_until <= :now then null
				                        else login_attempt.locked_until end,
				    last_failure_at = :now
				returning failures""")
			.param("e", Accounts.normalizeEmail(email))
			.param("now", now)
			.query(Integer.class)
			.single();
		if (failures >= MAX_FAILURES) {
			jdbc.sql("update login_attempt set locked_until = :until, failures = 0 where email = :e")
				.param("until", now.plus(LOCK_FOR))
				.param("e", Accounts.normalizeEmail(email))
				.update();
			return true;
		}
		return false;
	}

	@Transactional
	public void reset(String email) {
		jdbc.sql("delete from login_attempt where email = :e").param("e", Accounts.normalizeEmail(email)).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
