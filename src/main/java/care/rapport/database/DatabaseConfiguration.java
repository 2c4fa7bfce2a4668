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
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("rapport");
		dataSource.setMaximumPoolSize(20);
		if (settings.embedded()) {
			var server = EmbeddedDatabases.serverFor(settings.embeddedDataDir(), settings.cleanOnStart());
			dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			return dataSource;
		}
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

}
