import java.nio.ByteBuffer;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** TOTP codes as the app checks them (RFC 6238: SHA-1, 6 digits, 30 s), for the staff's second factor. */
final class Totp {

	private Totp() {
	}

	/** The code of the current 30-second step. */
	static String now(String base32Secret) throws Exception {
		return code(base32Secret, System.currentTimeMillis() / 1000 / 30);
	}

	static String code(String base32Secret, long step) throws Exception {
		var mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
		byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = h[h.length - 1] & 0x0f;
		int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
				| (h[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	static byte[] base32(String s) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		var out = new java.io.ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char ch : s.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(ch);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
