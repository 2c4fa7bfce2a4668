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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** TOTP second factor (RFC 6238, 30-second codes of 6 digits) and single-use recovery codes. */
@Component
public class TwoFactor {

	public static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	TwoFactor(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		return jdbc.sql("select mfa_secret from user_account where user_id = :u and mfa_enrolled_at is not null")
			.param("u", user.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Stores a confirmed secret and issues fresh recovery codes, replacing any earlier ones.
	 * @return the recovery codes, shown to the person once
	 */
	@Transactional
	public List<String> enrol(UserId user, String secret) {
		jdbc.sql("update user_account set mfa_secret = :s, mfa_enrolled_at = :now where user_id = :u")
			.param("s", secret)
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("u", user.value())
			.update();
		return newRecoveryCodes(user);
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
				.param("h", Tokens.hash(code))
				.update();
		}
		return codes;
	}

	/** Uses up a recovery code. @return whether it was one of the person's unused codes */
	@Transactional
	public boolean redeemRecoveryCode(UserId user, String code) {
		String normalized = code.strip().toLowerCase().replace(" ", "");
		return jdbc.sql("""
				update recovery_code set used_at = :now
				where user_id = :u and code_hash = :h and used_at is null""")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("u", user.value())
			.param("h", Tokens.hash(normalized))
			.update() == 1;
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
