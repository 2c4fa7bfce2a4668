package care.rapport.practice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts sensitive free text (notes, messages, alert notes) before it reaches the database:
 * AES-256-GCM with a data key per practice, each data key wrapped by the master key. The practice
 * id and the field name are bound as associated data, so ciphertext moved to another practice or
 * column does not decrypt.
 */
@Service
public class SensitiveText {

	private static final Logger log = LoggerFactory.getLogger(SensitiveText.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Aead master;

	private final Map<PracticeId, Aead> dataKeys = new ConcurrentHashMap<>();

	private final TransactionTemplate ownTransaction;

	SensitiveText(JdbcClient jdbc, Clock clock, CryptoSettings settings, Environment environment,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		try {
			AeadConfig.register();
			this.master = masterKey(settings, environment);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink could not be set up for AES-256-GCM", ex);
		}
	}

	public byte[] encrypt(PracticeId practice, String field, String plaintext) {
		try {
			return dataKey(practice).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context(practice, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt " + field, ex);
		}
	}

	public @Nullable String decrypt(PracticeId practice, String field, byte @Nullable [] ciphertext) {
		if (ciphertext == null) {
			return null;
		}
		try {
			return new String(dataKey(practice).decrypt(ciphertext, context(practice, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt " + field + " of practice " + practice, ex);
		}
	}

	/** Encrypts bytes, such as a file a client sends; as {@link #encrypt(PracticeId, String, String)}. */
	public byte[] encrypt(PracticeId practice, String field, byte[] plaintext) {
		try {
			return dataKey(practice).encrypt(plaintext, context(practice, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt " + field, ex);
		}
	}

	/** The bytes encrypted with {@link #encrypt(PracticeId, String, byte[])} under the same field name. */
	public byte[] decryptBytes(PracticeId practice, String field, byte[] ciphertext) {
		try {
			return dataKey(practice).decrypt(ciphertext, context(practice, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt " + field + " of practice " + practice, ex);
		}
	}

	/**
	 * Encrypts a secret of an account (such as its TOTP secret). Accounts are global, not a
	 * practice's, so no practice data key fits: the master key seals it directly, with the account
	 * id and field bound as associated data, so a sealed value copied to another account or column
	 * does not open.
	 */
	public byte[] encryptForAccount(java.util.UUID account, String field, String plaintext) {
		try {
			return master.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), accountContext(account, field));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt " + field, ex);
		}
	}

	/** The text sealed with {@link #encryptForAccount} for the same account and field. */
	public String decryptForAccount(java.util.UUID account, String field, byte[] ciphertext) {
		try {
			return new String(master.decrypt(ciphertext, accountContext(account, field)), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt " + field + " of account " + account
					+ "; is RAPPORT_MASTER_KEY the one it was made with?", ex);
		}
	}

	private static byte[] accountContext(java.util.UUID account, String field) {
		return ("account|" + account + "|" + field).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] context(PracticeId practice, String field) {
		return (practice.value() + "|" + field).getBytes(StandardCharsets.UTF_8);
	}

	private Aead dataKey(PracticeId practice) {
		// Created and committed in its own transaction before first use, so a caller that rolls back
		// never leaves a cached key that the database does not have.
		return dataKeys.computeIfAbsent(practice, p -> ownTransaction.execute(tx -> loadOrCreate(p)));
	}

	private Aead loadOrCreate(PracticeId practice) {
		byte[] associated = practice.value().toString().getBytes(StandardCharsets.UTF_8);
		try {
			var wrapped = jdbc.sql("select wrapped_key from practice_key where practice_id = :p")
				.param("p", practice.value())
				.query(byte[].class)
				.optional();
			KeysetHandle handle;
			if (wrapped.isPresent()) {
				handle = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.get(), master, associated);
			}
			else {
				handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
				int stored = jdbc.sql("""
						insert into practice_key (practice_id, wrapped_key, created_at) values (:p, :key, :now)
						on conflict (practice_id) do nothing""")
					.param("p", practice.value())
					.param("key", TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, associated))
					.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
					.update();
				if (stored == 0) {
					return loadOrCreate(practice);
				}
			}
			return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The data key of practice " + practice
					+ " does not open with this master key; is RAPPORT_MASTER_KEY the one it was made with?", ex);
		}
	}

	/**
	 * The configured master key, or for the embedded database one kept next to its files (created
	 * on first start). With an external database a key must be configured.
	 */
	private static Aead masterKey(CryptoSettings settings, Environment environment) throws GeneralSecurityException {
		if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
			return MasterKey.parse(settings.masterKey());
		}
		if (!environment.getProperty("rapport.db.url", "").isBlank()) {
			throw new MasterKeyException("RAPPORT_MASTER_KEY is not set, and with an external database Rapport "
					+ "will not invent a master key", null);
		}
		return embeddedMasterKey(environment).getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	private static KeysetHandle embeddedMasterKey(Environment environment) throws GeneralSecurityException {
		Path file = Path.of(environment.getProperty("rapport.db.data-dir", "data")).resolve("master-key.json");
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
			}
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			Files.createDirectories(file.getParent());
			Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				log.debug("No POSIX permissions here; the master key file keeps the default ones");
			}
			log.info("Created a master key for the embedded database in {}", file);
			return handle;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the master key in " + file, ex);
		}
	}

}
