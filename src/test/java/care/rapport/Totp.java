package care.rapport;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** The code an authenticator app shows now: RFC 6238, SHA-1, 6 digits, 30-second steps. */
public final class Totp {

	public static final String DEMO_STAFF_SECRET = "RAPPORTDEMOSTAFFSECRETKEY2345674";

	private Totp() {
	}

	public static String code(String base32Secret) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(base32Secret.replace(" ", ""),
					Instant.now().getEpochSecond() / 30);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
