package care.rapport.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import care.rapport.identity.UserId;
import care.rapport.practice.SensitiveText;
import care.rapport.practice.Tokens;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP second factor (RFC 6238, 30-second codes of 6 digits) and single-use recovery codes. The
 * secret is stored sealed with the master key ({@link SensitiveText#encryptForAccount}); recovery
 * codes are stored as bcrypt hashes (of their SHA-256, so that rows from before bcrypt could be
 * converted without knowing the codes), which makes a stolen table useless for guessing them.
 */
@Component
public class TwoFactor {

	public static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	static final String SECRET_FIELD = "user_account.mfa_secret";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SensitiveText sealing;

	private final PasswordEncoder hashes;

	private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	TwoFactor(JdbcClient jdbc, Clock clock, SensitiveText sealing, PasswordEncoder hashes) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sealing = sealing;
		this.hashes = hashes;
	}

	public String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	/** The QR code an authenticator app scans, as a data URI for an {@code img} element. */
	public String qrCodeDataUri(String secret, String email, String issuer) {
		var data = new QrData.Builder().label(email)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(30)
			.build();
		try {
			var generator = new ZxingPngQrGenerator();
			generator.setImageSize(220);
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	/** Whether the code is right for a secret being set up (one step of clock drift either way is allowed). */
	public boolean codeMatches(String secret, String code) {
		return matchingStep(secret, code).isPresent();
	}

	/**
	 * Checks a sign-in code and uses it up: a code already accepted, or an older one, is refused,
	 * so a code seen over someone's shoulder cannot be replayed (RFC 6238, section 5.2).
	 */
	@Transactional
	public boolean acceptCode(UserId user, String code) {
		return secretOf(user).flatMap(secret -> matchingStep(secret, code))
			.map(step -> jdbc.sql("""
					update user_account set mfa_last_step = :step
					where user_id = :u and (mfa_last_step is null or mfa_last_step < :step)""")
				.param("step", step)
				.param("u", user.value())
				.update() == 1)
			.orElse(false);
	}

	private Optional<Long> matchingStep(String secret, String code) {
		String digits = code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return Optional.empty();
		}
		long now = clock.instant().getEpochSecond() / 30;
		for (long step = now - 1; step <= now + 1; step++) {
			try {
				byte[] expected = generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
				if (MessageDigest.isEqual(expected, digits.getBytes(StandardCharsets.US_ASCII))) {
					return Optional.of(step);
				}
			}
			catch (CodeGenerationException ex) {
				throw new IllegalStateException("Could not compute a TOTP code", ex);
			}
		}
		return Optional.empty();
	}

	public Optional<String> secretOf(UserId user) {
		record Stored(byte @Nullable [] sealed, @Nullable String plain) {
		}
		return jdbc.sql("""
				select mfa_secret_sealed, mfa_secret from user_account
				where user_id = :u and mfa_enrolled_at is not null""")
			.param("u", user.value())
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)))
			.optional()
			.flatMap(stored -> stored.sealed() != null
					? Optional.of(sealing.decryptForAccount(user.value(), SECRET_FIELD, stored.sealed()))
					// Not sealed yet: start-up seals it (see sealPlaintextSecrets); until then it still works.
					: Optional.ofNullable(stored.plain()));
	}

	/**
	 * Stores a confirmed secret and issues fresh recovery codes, replacing any earlier ones.
	 * @return the recovery codes, shown to the person once
	 */
	@Transactional
	public List<String> enrol(UserId user, String secret) {
		storeSecret(user, secret);
		return newRecoveryCodes(user);
	}

	/** Stores a secret, sealed, without issuing recovery codes (the demo's published secret). */
	@Transactional
	public void storeSecret(UserId user, String secret) {
		jdbc.sql("""
				update user_account set mfa_secret_sealed = :s, mfa_secret = null, mfa_enrolled_at = :now
				where user_id = :u""")
			.param("s", sealing.encryptForAccount(user.value(), SECRET_FIELD, secret))
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("u", user.value())
			.update();
	}

	@Transactional
	public List<String> newRecoveryCodes(UserId user) {
		jdbc.sql("delete from recovery_code where user_id = :u").param("u", user.value()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = randomRecoveryCode();
			codes.add(code);
			jdbc.sql("insert into recovery_code (user_id, code_hash) values (:u, :h)")
				.param("u", user.value())
				.param("h", hashes.encode(Tokens.hash(code)))
				.update();
		}
		return codes;
	}

	/** Uses up a recovery code. @return whether it was one of the person's unused codes */
	@Transactional
	public boolean redeemRecoveryCode(UserId user, String code) {
		String digest = Tokens.hash(code.strip().toLowerCase().replace(" ", ""));
		var unused = jdbc.sql("select code_hash from recovery_code where user_id = :u and used_at is null")
			.param("u", user.value())
			.query(String.class)
			.list();
		return unused.stream()
			.filter(stored -> matches(digest, stored))
			.findFirst()
			.map(stored -> jdbc.sql("""
					update recovery_code set used_at = :now
					where user_id = :u and code_hash = :h and used_at is null""")
				.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.param("u", user.value())
				.param("h", stored)
				.update() == 1)
			.orElse(false);
	}

	/** A bcrypt hash, or an unsalted SHA-256 one that start-up has not converted yet. */
	private boolean matches(String digest, String stored) {
		return stored.startsWith("{") ? hashes.matches(digest, stored)
				: MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
						digest.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Brings rows from before sealing and bcrypt up to date, at start-up: plaintext TOTP secrets are
	 * sealed (the same secret, so authenticator apps keep working) and unsalted SHA-256 recovery
	 * hashes are wrapped in bcrypt (the same codes keep working).
	 * @return how many secrets and recovery codes were converted
	 */
	@Transactional
	public int upgradeStoredSecrets() {
		record Plain(java.util.UUID userId, String secret) {
		}
		int converted = 0;
		for (Plain row : jdbc.sql("select user_id, mfa_secret as secret from user_account where mfa_secret is not null")
			.query(Plain.class)
			.list()) {
			converted += jdbc.sql("""
					update user_account set mfa_secret_sealed = :s, mfa_secret = null
					where user_id = :u and mfa_secret = :old""")
				.param("s", sealing.encryptForAccount(row.userId(), SECRET_FIELD, row.secret()))
				.param("u", row.userId())
				.param("old", row.secret())
				.update();
		}
		record Legacy(java.util.UUID userId, String codeHash) {
		}
		// bcrypt hashes carry their encoder's id ("{bcrypt}..."); the old ones are 64 hex digits.
		for (Legacy row : jdbc.sql("select user_id, code_hash from recovery_code where code_hash ~ '^[0-9a-f]{64}$'")
			.query(Legacy.class)
			.list()) {
			converted += jdbc.sql("update recovery_code set code_hash = :h where user_id = :u and code_hash = :old")
				.param("h", hashes.encode(row.codeHash()))
				.param("u", row.userId())
				.param("old", row.codeHash())
				.update();
		}
		return converted;
	}

	public int unusedRecoveryCodes(UserId user) {
		return jdbc.sql("select count(*) from recovery_code where user_id = :u and used_at is null")
			.param("u", user.value())
			.query(Integer.class)
			.single();
	}

	private static String randomRecoveryCode() {
		var code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

}
