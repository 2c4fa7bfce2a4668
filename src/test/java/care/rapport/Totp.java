package care.rapport;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Computes RFC 6238 codes in tests, independently of the library the application uses. */
public final class Totp {

	public static final String DEMO_STAFF_SECRET = "RAPPORTDEMOSTAFFSECRETKEY2345674";

	private Totp() {
	}

	public static String code(String base32Secret) {
		return code(base32Secret, Instant.now());
	}

	public static String code(String base32Secret, Instant at) {
		try {
			var mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(base32(base32Secret.replace(" ", "")), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase().toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
