package care.rapport.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a person for sign-in, in the practice they joined first. Every account belongs to at
 * least one practice; one without a membership cannot sign in.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(UUID userId, String email, String displayName, String passwordHash, boolean mfaEnrolled,
			UUID practiceId, String practiceName, String role) {
	}

	@Override
	public RapportUser loadUserByUsername(String email) {
		List<Row> rows = jdbc.sql("""
				select u.user_id, u.email, u.display_name, u.password_hash,
				       u.mfa_enrolled_at is not null as mfa_enrolled, p.practice_id, p.name as practice_name, m.role
				from user_account u
				join membership m on m.user_id = u.user_id
				join practice p on p.practice_id = m.practice_id
				where u.email = :e and u.password_hash is not null
				  and m.practice_id = (select m2.practice_id from membership m2 where m2.user_id = u.user_id
				                       order by m2.created_at, m2.practice_id limit 1)""")
			.param("e", Accounts.normalizeEmail(email))
			.query(Row.class)
			.list();
		if (rows.isEmpty()) {
			throw new UsernameNotFoundException("No account");
		}
		Row first = rows.get(0);
		var roles = EnumSet.noneOf(Role.class);
		rows.forEach(row -> roles.add(Role.valueOf(row.role())));
		return new RapportUser(new UserId(first.userId()), first.email(), first.displayName(),
				new PracticeId(first.practiceId()), first.practiceName(), roles, first.mfaEnrolled(),
				first.passwordHash());
	}

}
