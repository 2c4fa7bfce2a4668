package care.rapport.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.rapport.identity.internal.TwoFactor;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and memberships. */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final TwoFactor twoFactor;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, TwoFactor twoFactor) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.twoFactor = twoFactor;
	}

	/** A member of a practice as shown in lists. */
	public record Member(UserId id, String displayName, String email, Set<Role> roles) {
	}

	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether a typed address has the shape of an e-mail address; only sending to it proves more. */
	public static boolean isPlausibleEmail(String email) {
		return email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 254;
	}

	public boolean exists(String email) {
		return jdbc.sql("select count(*) from user_account where email = :e")
			.param("e", normalizeEmail(email))
			.query(Long.class)
			.single() > 0;
	}

	public Optional<UserId> findByEmail(String email) {
		return jdbc.sql("select user_id from user_account where email = :e")
			.param("e", normalizeEmail(email))
			.query(UUID.class)
			.optional()
			.map(UserId::new);
	}

	/** Creates an account with an already checked password, given in clear and hashed here. */
	@Transactional
	public UserId register(String email, String displayName, String rawPassword) {
		return registerWithHash(email, displayName, passwords.encode(rawPassword));
	}

	/** Creates an account from a password hash; used where many accounts share a known password (the demo). */
	@Transactional
	public UserId registerWithHash(String email, String displayName, @Nullable String passwordHash) {
		UserId id = new UserId(Ids.next());
		var now = now();
		jdbc.sql("""
				insert into user_account (user_id, email, display_name, password_hash, created_at, password_changed_at)
				values (:id, :email, :name, :hash, :now, :now)""")
			.param("id", id.value())
			.param("email", normalizeEmail(email))
			.param("name", displayName.strip())
			.param("hash", passwordHash)
			.param("now", now)
			.update();
		return id;
	}

	public String encode(String rawPassword) {
		return passwords.encode(rawPassword);
	}

	@Transactional
	public void grant(PracticeId practice, UserId user, Role role) {
		jdbc.sql("""
				insert into membership (practice_id, user_id, role, created_at) values (:p, :u, :r, :now)
				on conflict do nothing""")
			.param("p", practice.value())
			.param("u", user.value())
			.param("r", role.name())
			.param("now", now())
			.update();
	}

	@Transactional
	public void superviseBy(PracticeId practice, UserId supervisor, UserId therapist) {
		jdbc.sql("""
				insert into supervision (practice_id, supervisor_id, therapist_id) values (:p, :s, :t)
				on conflict do nothing""")
			.param("p", practice.value())
			.param("s", supervisor.value())
			.param("t", therapist.value())
			.update();
	}

	/** The therapists whose clients a supervisor may see. */
	public List<UserId> supervisees(PracticeId practice, UserId supervisor) {
		return jdbc.sql("select therapist_id from supervision where practice_id = :p and supervisor_id = :s")
			.param("p", practice.value())
			.param("s", supervisor.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(UserId::new)
			.toList();
	}

	/** The supervisors of a therapist (none for a licensed therapist), by name. */
	public List<Member> supervisorsOf(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				select s.supervisor_id from supervision s join user_account u on u.user_id = s.supervisor_id
				where s.practice_id = :p and s.therapist_id = :t order by u.display_name, s.supervisor_id""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query(UUID.class)
			.list()
			.stream()
			.flatMap(id -> member(practice, new UserId(id)).stream())
			.toList();
	}

	/** Staff of a practice (everyone but clients), by name. */
	public List<Member> staff(PracticeId practice) {
		return members(practice).stream().filter(m -> m.roles().stream().anyMatch(Role::staff)).toList();
	}

	/** Members who see clients: therapists and supervisors. */
	public List<Member> clinicians(PracticeId practice) {
		return members(practice).stream()
			.filter(m -> m.roles().contains(Role.THERAPIST) || m.roles().contains(Role.SUPERVISOR))
			.toList();
	}

	public Optional<Member> member(PracticeId practice, UserId user) {
		var roles = EnumSet.noneOf(Role.class);
		var person = jdbc.sql("""
				select u.display_name, u.email, m.role from membership m
				join user_account u on u.user_id = m.user_id
				where m.practice_id = :p and m.user_id = :u""")
			.param("p", practice.value())
			.param("u", user.value())
			.query((rs, n) -> {
				roles.add(Role.valueOf(rs.getString(3)));
				return new String[] { rs.getString(1), rs.getString(2) };
			})
			.list();
		return person.isEmpty() ? Optional.empty()
				: Optional.of(new Member(user, person.get(0)[0], person.get(0)[1], roles));
	}

	private List<Member> members(PracticeId practice) {
		record Row(UUID userId, String displayName, String email, String role) {
		}
		var rows = jdbc.sql("""
				select u.user_id, u.display_name, u.email, m.role from membership m
				join user_account u on u.user_id = m.user_id
				where m.practice_id = :p order by u.display_name, u.user_id""")
			.param("p", practice.value())
			.query(Row.class)
			.list();
		var members = new java.util.LinkedHashMap<UUID, Member>();
		for (Row row : rows) {
			members
				.computeIfAbsent(row.userId(),
						id -> new Member(new UserId(id), row.displayName(), row.email(), EnumSet.noneOf(Role.class)))
				.roles()
				.add(Role.valueOf(row.role()));
		}
		return List.copyOf(members.values());
	}

	/**
	 * Enrols a known TOTP secret without the scan-and-confirm step. Only for accounts whose secret
	 * is published on purpose, such as the demo staff.
	 */
	@Transactional
	public void presetAuthenticator(UserId user, String base32Secret) {
		twoFactor.storeSecret(user, base32Secret);
	}

	/** The practices an account belongs to. */
	public List<PracticeId> practicesOf(UserId user) {
		return jdbc.sql("select distinct practice_id from membership where user_id = :u")
			.param("u", user.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(PracticeId::new)
			.toList();
	}

	/** @return whether the current password matched and the new one was stored */
	@Transactional
	public boolean changePassword(UserId user, String currentPassword, String newPassword) {
		String hash = jdbc.sql("select password_hash from user_account where user_id = :u")
			.param("u", user.value())
			.query(String.class)
			.optional()
			.orElse(null);
		if (hash == null || !passwords.matches(currentPassword, hash)) {
			return false;
		}
		jdbc.sql("update user_account set password_hash = :h, password_changed_at = :now where user_id = :u")
			.param("h", passwords.encode(newPassword))
			.param("now", now())
			.param("u", user.value())
			.update();
		return true;
	}

	public boolean passwordMatches(UserId user, String password) {
		return jdbc.sql("select password_hash from user_account where user_id = :u")
			.param("u", user.value())
			.query(String.class)
			.optional()
			.map(hash -> passwords.matches(password, hash))
			.orElse(false);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
