package care.rapport.practice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered, random UUIDs (version 7): unguessable like v4, yet index-friendly because new
 * ids sort after old ones.
 */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID next() {
		return next(Clock.systemUTC().millis());
	}

	static UUID next(long epochMillis) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		for (int i = 0; i < 6; i++) {
			bytes[i] = (byte) (epochMillis >>> (40 - 8 * i));
		}
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = (msb << 8) | (bytes[i] & 0xff);
			lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
		}
		return new UUID(msb, lsb);
	}

}
