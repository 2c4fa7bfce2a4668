package care.rapport.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;

import care.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The penetration test's findings against the embedded database, replayed as the application's
 * own database role: it can neither reach the server's files or shell, nor switch off the guards
 * that keep the audit trail and signed notes as written; and nobody gets in without a password.
 */
@IntegrationTest
class DatabaseRolesIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseSettings settings;

	@Test
	void theApplicationWorksAsARoleThatIsNoSuperuserAndOwnsNothing() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("rapport_app");
		assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(jdbc.sql("select count(*) from pg_class where relowner = current_user::regrole").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from pg_class where relname = 'audit_event' and relowner = 'rapport_owner'::regrole")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theApplicationsRoleCannotReadServerFilesNorRunPrograms() {
		Path masterKey = settings.embeddedDataDir().resolve("master-key.json").toAbsolutePath();
		assertThatThrownBy(() -> jdbc.sql("select pg_read_file(:f)").param("f", masterKey.toString()).query().singleRow())
			.rootCause()
			.hasMessageContaining("permission denied for function pg_read_file");
		assertThatThrownBy(() -> jdbc.sql("select pg_read_file('postgresql.conf')").query().singleRow())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'id'").update())
			.rootCause()
			.hasMessageContaining("permission denied to COPY to or from an external program");
		assertThatThrownBy(() -> jdbc.sql("copy audit_event to '/tmp/rapport-audit-copy'").update())
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void theApplicationsRoleCannotSwitchOffTheGuards() {
		assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update())
			.rootCause()
			.hasMessageContaining("permission denied to set parameter \"session_replication_role\"");
		assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update())
			.rootCause()
			.hasMessageContaining("must be owner of table audit_event");
		assertThatThrownBy(() -> jdbc.sql("drop trigger progress_note_signed_locked on progress_note").update())
			.rootCause()
			.hasMessageContaining("must be owner of");
		assertThatThrownBy(() -> jdbc.sql("alter table progress_note disable trigger all").update())
			.rootCause()
			.hasMessageContaining("must be owner of table progress_note");
		assertThatThrownBy(() -> jdbc.sql("create table rapport_probe (i int)").update())
			.rootCause()
			.hasMessageContaining("permission denied for schema public");
	}

	@Test
	void theApplicationsRoleMayOnlyReadAndAddAuditRecords() {
		var timeColumns = Map.of("audit_event", "occurred_at", "security_event", "occurred_at", "audit_checkpoint",
				"taken_at");
		for (String table : timeColumns.keySet()) {
			assertThatThrownBy(() -> jdbc.sql("delete from " + table).update())
				.rootCause()
				.hasMessageContaining("permission denied for table " + table);
			assertThatThrownBy(() -> jdbc.sql("update " + table + " set " + timeColumns.get(table) + " = now()").update())
				.rootCause()
				.hasMessageContaining("permission denied for table " + table);
			assertThatThrownBy(() -> jdbc.sql("truncate " + table).update())
				.rootCause()
				.hasMessageContaining("permission denied for table " + table);
		}
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> jdbc.sql("delete from flyway_schema_history").update())
			.rootCause()
			.hasMessageContaining("permission denied for table flyway_schema_history");
	}

	@Test
	void aSignedNoteStaysAsSignedForTheApplicationsRole() {
		String signed = jdbc.sql("select note_id::text from progress_note where signed_at is not null limit 1")
			.query(String.class)
			.single();
		assertThatThrownBy(() -> jdbc.sql("update progress_note set content_hash = :h where note_id = cast(:n as uuid)")
			.param("h", "0".repeat(64))
			.param("n", signed)
			.update()).hasMessageContaining("This note is signed");
		assertThatThrownBy(() -> jdbc.sql("delete from progress_note where note_id = cast(:n as uuid)").param("n", signed).update())
			.hasMessageContaining("This note is signed");
	}

	@Test
	void nobodyConnectsWithoutTheirPassword() {
		String url = context.getBean(DatabaseLogins.class).app().url();
		for (String role : new String[] { "rapport_app", "rapport_owner", "postgres" }) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, "not-the-password").close())
				.hasMessageContaining("password authentication failed for user \"" + role + "\"");
			assertThatThrownBy(() -> DriverManager.getConnection(url, role, null).close())
				.hasMessageContaining("no password was provided");
		}
		try (var superuser = DatabaseSuperuser.connect(context)) {
			assertThat(superuser.jdbc()
				.sql("select distinct auth_method from pg_hba_file_rules")
				.query(String.class)
				.list()).containsExactly("scram-sha-256");
		}
	}

	@Test
	void thePasswordsAreKeptInAFileOnlyItsOwnerMayRead() throws Exception {
		Path file = EmbeddedCredentials.file(settings.embeddedDataDir());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(
				Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
	}

}
