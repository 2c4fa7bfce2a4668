package care.rapport.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import care.rapport.RapportApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data folder made by a version before database passwords (every local user trusted, every
 * table owned by the superuser) is secured at its first start with this version, data kept.
 */
class EmbeddedDatabaseUpgradeIntegrationTests {

	@Test
	void aDataFolderOfAnEarlierVersionGetsPasswordsAndKeepsItsData() throws Exception {
		Path dir = Path.of("target", "upgrade-db", Long.toString(ProcessHandle.current().pid()));
		FileSystemUtils.deleteRecursively(dir);
		Path pgData = dir.resolve("pg");
		UUID practice = UUID.randomUUID();
		// Laid out as before: zonky's defaults (trust) and the migrations of that time run as the superuser.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start()) {
			Flyway.configure()
				.dataSource(old.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("22")
				.load()
				.migrate();
			try (Connection connection = old.getPostgresDatabase().getConnection();
					Statement sql = connection.createStatement()) {
				sql.execute("insert into practice (practice_id, name, time_zone, jurisdiction, created_at) values ('"
						+ practice + "', 'Practice from before', 'America/Vancouver', 'BC', now())");
			}
		}
		assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");
		assertThat(EmbeddedCredentials.exist(dir)).isFalse();

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RapportApplication.class).run(
				"--rapport.db.data-dir=" + dir, "--server.port=0", "--rapport.demo.enabled=false",
				"--spring.main.banner-mode=off", "--rapport.audit.checkpoint-initial-delay=PT1H")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("rapport_app");
			assertThat(jdbc.sql("select name from practice where practice_id = :p")
				.param("p", practice)
				.query(String.class)
				.single()).isEqualTo("Practice from before");
			assertThat(jdbc.sql("""
					select count(*) from pg_class
					where relnamespace = 'public'::regnamespace and relowner <> 'rapport_owner'::regrole""")
				.query(Long.class)
				.single()).as("objects not moved to the owner").isZero();
			assertThat(jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single())
				.as("later migrations ran as the owner")
				.isZero();

			String url = context.getBean(DatabaseLogins.class).app().url();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "anything").close())
				.hasMessageContaining("password authentication failed");
			assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).doesNotContain("trust")
				.contains("scram-sha-256");
			assertThat(EmbeddedCredentials.exist(dir)).isTrue();
		}
	}

}
