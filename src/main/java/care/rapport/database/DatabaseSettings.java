package care.rapport.database;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings. With no {@code url} Rapport runs an embedded PostgreSQL whose files live in
 * {@code dataDir}, so data survives restarts.
 *
 * @param url JDBC URL of an external PostgreSQL server ({@code RAPPORT_DB_URL}), or none
 * @param user user name the application works as on the external server ({@code RAPPORT_DB_USER})
 * @param password password for the external server ({@code RAPPORT_DB_PASSWORD})
 * @param migrationUser user that owns the schema and runs the migrations on the external server
 * ({@code RAPPORT_DB_MIGRATION_USER}); none means {@code user} does both
 * @param migrationPassword password of {@code migrationUser} ({@code RAPPORT_DB_MIGRATION_PASSWORD})
 * @param dataDir where the embedded server keeps its files ({@code RAPPORT_DB_DATA_DIR})
 * @param cleanOnStart whether the embedded server starts from empty files (tests only)
 */
@ConfigurationProperties("rapport.db")
public record DatabaseSettings(@Nullable String url, @Nullable String user, @Nullable String password,
		@Nullable String migrationUser, @Nullable String migrationPassword, @Nullable Path dataDir,
		boolean cleanOnStart) {

	public boolean embedded() {
		return url == null || url.isBlank();
	}

	public Path embeddedDataDir() {
		return dataDir != null ? dataDir : Path.of("data");
	}

	boolean separateMigrationUser() {
		return migrationUser != null && !migrationUser.isBlank() && !migrationUser.equals(user);
	}

}
