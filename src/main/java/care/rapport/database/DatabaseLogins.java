package care.rapport.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Who connects to the database: the application's login, and the login that owns the schema and
 * runs the migrations when that is a different one. Closing it lets go of the embedded server.
 *
 * @param embeddedDataDir the embedded server's data folder, or none for an external server
 */
record DatabaseLogins(Login app, @Nullable Login migration, @Nullable Path embeddedDataDir) implements AutoCloseable {

	record Login(String url, String user, @Nullable String password) {

		@Override
		public String toString() {
			return user + " at " + url;
		}

	}

	@Override
	public void close() {
		if (embeddedDataDir != null) {
			EmbeddedDatabases.release(embeddedDataDir);
		}
	}

}
