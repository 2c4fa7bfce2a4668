package care.rapport.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL servers, one per data directory and per JVM: application contexts that
 * share a directory (as cached test contexts do) share the server. A server stops when the last
 * context using it has closed its connection pool, so nothing still needs it at that moment.
 */
final class EmbeddedDatabases {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);

	/** A running server and the passwords of its roles. */
	record Server(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {

		/** The one database Rapport keeps its tables in. */
		String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		}

	}

	private record Running(Server server, int users) {
	}

	private static final Map<Path, Running> servers = new ConcurrentHashMap<>();

	private EmbeddedDatabases() {
	}

	/** Starts the server for a directory, or joins the one already running; pair with {@link #release}. */
	static Server acquire(Path dataDir, boolean clean) {
		Path dir = dataDir.toAbsolutePath().normalize();
		return servers.compute(dir, (key, running) -> running == null ? new Running(start(key, clean), 1)
				: new Running(running.server(), running.users() + 1)).server();
	}

	static void release(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		servers.computeIfPresent(dir, (key, running) -> {
			if (running.users() > 1) {
				return new Running(running.server(), running.users() - 1);
			}
			try {
				running.server().postgres().close();
			}
			catch (IOException ex) {
				log.warn("Could not stop the embedded PostgreSQL in {}: {}", key, ex.getMessage());
			}
			return null;
		});
	}

	private static Server start(Path dir, boolean clean) {
		Path pgData = dir.resolve("pg");
		Path initdbPassword = dir.resolve("initdb-password.tmp");
		try {
			Files.createDirectories(dir);
			stopOrphanedServer(pgData);
			boolean fresh = clean || !Files.exists(pgData.resolve("postgresql.conf"));
			EmbeddedCredentials credentials = credentialsFor(dir, pgData, fresh);
			log.info("Starting embedded PostgreSQL with data in {}", pgData);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(clean)
				// Stopped by release() after the pool closes; a JVM hook of its own would race it.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "localhost")
				// The start-up probe connects as the superuser, with its password once one is set.
				.setConnectConfig("password", credentials.superuserPassword());
			if (fresh) {
				// initdb's own "-A trust" is overridden: a new server asks for passwords from its first moment.
				Files.deleteIfExists(initdbPassword);
				EmbeddedCredentials.createPrivateFile(initdbPassword);
				Files.writeString(initdbPassword, credentials.superuserPassword());
				builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
			}
			EmbeddedPostgres postgres;
			try {
				postgres = builder.start();
			}
			finally {
				Files.deleteIfExists(initdbPassword);
			}
			try {
				EmbeddedServerHardening.apply(postgres, pgData, credentials);
			}
			catch (RuntimeException ex) {
				postgres.close();
				throw ex;
			}
			return new Server(postgres, credentials);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * The passwords of a data folder: new ones for new files or for a folder of an older version
	 * (which had none), the kept ones otherwise.
	 */
	private static EmbeddedCredentials credentialsFor(Path dir, Path pgData, boolean fresh) {
		if (!fresh && EmbeddedCredentials.exist(dir)) {
			return EmbeddedCredentials.read(dir);
		}
		if (!fresh && !EmbeddedServerHardening.trustsLocalUsers(pgData)) {
			throw new IllegalStateException("The database in " + pgData + " needs the passwords in "
					+ EmbeddedCredentials.file(dir) + ", which is missing. Restore that file from a backup of " + dir
					+ ", or delete " + dir + " to start over without the data.");
		}
		return EmbeddedCredentials.create(dir);
	}

	/**
	 * A JVM killed without its shutdown hook leaves its PostgreSQL running on the data directory;
	 * stop that server so this start can take the directory over.
	 */
	private static void stopOrphanedServer(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
			.ifPresent(orphan -> {
				log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier start", pid);
				orphan.destroy();
				orphan.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
			});
	}

}
