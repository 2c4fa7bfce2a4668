package care.rapport.practice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The master key in the form {@code RAPPORT_MASTER_KEY} takes: base64 of a Tink AES-256-GCM keyset
 * in JSON. {@code java -jar target/rapport.jar --new-master-key} prints a new one.
 */
public final class MasterKey {

	/** The command that prints a new key, as people are told to run it. */
	public static final String COMMAND = "java -jar target/rapport.jar --new-master-key";

	private MasterKey() {
	}

	/** A new master key, ready to be set as {@code RAPPORT_MASTER_KEY}. */
	public static String generate() {
		try {
			AeadConfig.register();
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
			return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not make an AES-256-GCM key", ex);
		}
	}

	/**
	 * The key a {@code RAPPORT_MASTER_KEY} value stands for.
	 * @throws MasterKeyException when the value is not base64 of a Tink AEAD keyset
	 */
	static Aead parse(String base64) {
		try {
			AeadConfig.register();
			String json = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
			return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get())
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new MasterKeyException("RAPPORT_MASTER_KEY is not a master key Rapport can use (base64 of a Tink "
					+ "AES-256-GCM keyset)", ex);
		}
	}

}
