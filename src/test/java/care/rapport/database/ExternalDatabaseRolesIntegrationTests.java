package care.rapport.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;

import care.rapport.RapportApplication;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An external database set up as the README says, with an owner that runs the migrations and a
 * role the application works as: the owner gets the schema, the application's role only its rights.
 */
class ExternalDatabaseRolesIntegrationTests {

	@Test
	void migrationsRunAsTheOwnerAndTheApplicationGetsOnlyItsRights() throws Exception {
		Path dir = Path.of("target", "external-db", Long.toString(ProcessHandle.current().pid()));
		FileSystemUtils.deleteRecursively(dir);
		try (EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(true)
			.setRegisterShutdownHook(false)
			.start()) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement sql = connection.createStatement()) {
				sql.execute("create role rapport_owner login password 'owner-secret'");
				sql.execute("create role rapport_app login password 'app-secret'");
				sql.execute("create database rapport owner rapport_owner");
			}
			String url = "jdbc:postgresql://localhost:" + server.getPort() + "/rapport";
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RapportApplication.class).run(
					"--rapport.db.url=" + url, "--rapport.db.user=rapport_app", "--rapport.db.password=app-secret",
					"--rapport.db.migration-user=rapport_owner", "--rapport.db.migration-password=owner-secret",
					"--rapport.crypto.master-key=" + newMasterKey(), "--rapport.demo.enabled=false",
					"--server.port=0", "--spring.main.banner-mode=off",
					"--rapport.audit.checkpoint-initial-delay=PT1H")) {
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("rapport_app");
				assertThat(jdbc.sql("""
						select count(*) from pg_class
						where relnamespace = 'public'::regnamespace and relowner <> 'rapport_owner'::regrole""")
					.query(Long.class)
					.single()).isZero();
				assertThat(jdbc.sql("select count(*) from audit_checkpoint").query(Long.class).single()).isZero();
				assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).rootCause()
					.hasMessageContaining("permission denied for table audit_event");
				assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger all").update())
					.rootCause()
					.hasMessageContaining("must be owner of table audit_event");
			}
		}
	}

	private static String newMasterKey() throws Exception {
		AeadConfig.register();
		KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get());
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
