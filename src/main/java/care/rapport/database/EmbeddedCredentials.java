package care.rapport.database;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Passwords of the embedded server's three roles, made at the first start and kept in the data
 * folder (owner read/write only, like the master key beside it): the superuser that sets the
 * server up, the owner that holds the schema and runs migrations, and the role the application
 * works as.
 */
record EmbeddedCredentials(String superuserPassword, String ownerPassword, String appPassword) {

	static final String FILE_NAME = "database-passwords.properties";

	static final String SUPERUSER = "postgres";

	static final String OWNER = "rapport_owner";

	static final String APP = "rapport_app";

	private static final SecureRandom RANDOM = new SecureRandom();

	static Path file(Path dataDir) {
		return dataDir.resolve(FILE_NAME);
	}

	static boolean exist(Path dataDir) {
		return Files.exists(file(dataDir));
	}

	static EmbeddedCredentials read(Path dataDir) {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file(dataDir), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file(dataDir), ex);
		}
		return new EmbeddedCredentials(required(properties, "superuser", dataDir), required(properties, "owner", dataDir),
				required(properties, "app", dataDir));
	}

	/** New random passwords, written before any role gets them so a crash never loses one. */
	static EmbeddedCredentials create(Path dataDir) {
		var credentials = new EmbeddedCredentials(newPassword(), newPassword(), newPassword());
		credentials.write(dataDir);
		return credentials;
	}

	private void write(Path dataDir) {
		var properties = new Properties();
		properties.setProperty("superuser", superuserPassword);
		properties.setProperty("owner", ownerPassword);
		properties.setProperty("app", appPassword);
		var text = new StringWriter();
		try {
			properties.store(text, "Passwords of the embedded PostgreSQL roles " + SUPERUSER + ", " + OWNER + " and " + APP
					+ ". Keep this file private; without it the database in pg/ cannot be opened.");
			Path target = file(dataDir);
			Path temporary = dataDir.resolve(FILE_NAME + ".new");
			Files.deleteIfExists(temporary);
			createPrivateFile(temporary);
			Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file(dataDir), ex);
		}
	}

	/** Creates an empty file only its owner may read, before anything secret goes into it. */
	static void createPrivateFile(Path path) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(path);
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String required(Properties properties, String key, Path dataDir) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(file(dataDir) + " has no password for " + key);
		}
		return value;
	}

	@Override
	public String toString() {
		return "EmbeddedCredentials[passwords hidden]";
	}

}
