package care.rapport.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the data source: the external server when configured, the embedded one otherwise. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DataSource dataSource(DatabaseSettings settings) {
		if (settings.embedded()) {
			var dataSource = new EmbeddedServerDataSource(settings.embeddedDataDir());
			var server = EmbeddedDatabases.acquire(settings.embeddedDataDir(), settings.cleanOnStart());
			configurePool(dataSource);
			dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			return dataSource;
		}
		HikariDataSource dataSource = new HikariDataSource();
		configurePool(dataSource);
		String url = settings.url();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(settings.user());
		dataSource.setPassword(settings.password());
		dataSource.setConnectionTimeout(5_000);
		try (Connection ignored = dataSource.getConnection()) {
			return dataSource;
		}
		catch (SQLException | RuntimeException ex) {
			dataSource.close();
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new DatabaseUnreachableException(String.valueOf(url), cause);
		}
	}

	private static void configurePool(HikariDataSource dataSource) {
		dataSource.setPoolName("rapport");
		dataSource.setMaximumPoolSize(20);
	}

	/** The pool of an embedded server: closing it releases the server, which stops with its last user. */
	static final class EmbeddedServerDataSource extends HikariDataSource {

		private final java.nio.file.Path dataDir;

		EmbeddedServerDataSource(java.nio.file.Path dataDir) {
			this.dataDir = dataDir;
		}

		@Override
		public void close() {
			boolean wasOpen = !isClosed();
			super.close();
			if (wasOpen) {
				EmbeddedDatabases.release(dataDir);
			}
		}

	}

}
