package care.rapport.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import care.rapport.database.DatabaseLogins.Login;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the data source: the external server when configured, the embedded one otherwise. The
 * application works as a role that owns nothing; the migrations run as the schema's owner when
 * one is set apart (always so with the embedded server).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseLogins databaseLogins(DatabaseSettings settings) {
		if (settings.embedded()) {
			var server = EmbeddedDatabases.acquire(settings.embeddedDataDir(), settings.cleanOnStart());
			String url = server.jdbcUrl();
			return new DatabaseLogins(new Login(url, EmbeddedCredentials.APP, server.credentials().appPassword()),
					new Login(url, EmbeddedCredentials.OWNER, server.credentials().ownerPassword()),
					settings.embeddedDataDir());
		}
		String url = String.valueOf(settings.url());
		var app = new Login(url, String.valueOf(settings.user()), settings.password());
		var migration = settings.separateMigrationUser()
				? new Login(url, String.valueOf(settings.migrationUser()), settings.migrationPassword()) : null;
		return new DatabaseLogins(app, migration, null);
	}

	@Bean
	DataSource dataSource(DatabaseLogins logins) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("rapport");
		dataSource.setMaximumPoolSize(20);
		dataSource.setJdbcUrl(logins.app().url());
		dataSource.setUsername(logins.app().user());
		dataSource.setPassword(logins.app().password());
		if (logins.embeddedDataDir() != null) {
			return dataSource;
		}
		dataSource.setConnectionTimeout(5_000);
		try (Connection ignored = dataSource.getConnection()) {
			return dataSource;
		}
		catch (SQLException | RuntimeException ex) {
			dataSource.close();
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new DatabaseUnreachableException(logins.app().url(), cause);
		}
	}

	/** Migrations run as the schema's owner, so the application's own role needs no power over the schema. */
	@Bean
	FlywayConfigurationCustomizer migrationLogin(DatabaseLogins logins) {
		return configuration -> {
			Login migration = logins.migration();
			if (migration != null) {
				configuration.dataSource(migration.url(), migration.user(), migration.password());
			}
		};
	}

	@Bean
	ApplicationRolePrivileges applicationRolePrivileges(DatabaseLogins logins) {
		return new ApplicationRolePrivileges(logins);
	}

}
