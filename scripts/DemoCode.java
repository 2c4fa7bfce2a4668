import java.nio.ByteBuffer;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints the current two-step verification code of the demo staff accounts, whose TOTP secret is
 * published on purpose. Run it with {@code java scripts/DemoCode.java}; only for the demo practice.
 */
public class DemoCode {

	static final String DEMO_SECRET = "RAPPORTDEMOSTAFFSECRETKEY2345674";

	public static void main(String[] args) throws Exception {
		String secret = args.length > 0 ? args[0].replace(" ", "") : DEMO_SECRET;
		long step = Instant.now().getEpochSecond() / 30;
		var mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(secret), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = hash[hash.length - 1] & 0xf;
		int code = (ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff) % 1_000_000;
		long secondsLeft = 30 - Instant.now().getEpochSecond() % 30;
		System.out.printf("%06d  (valid for %d more seconds)%n", code, secondsLeft);
	}

	static byte[] base32(String text) {
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
