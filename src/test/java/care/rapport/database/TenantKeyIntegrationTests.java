package care.rapport.database;

import java.util.List;
import java.util.Map;
import java.util.Set;

import care.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant-key rule: every table of practice data has practice_id first in its primary key and
 * in every foreign key to another practice-data table. Global tables are listed here, each with
 * its reason, so a new table has to choose.
 */
@IntegrationTest
class TenantKeyIntegrationTests {

	/** Tables that hold no practice's data, and why. */
	private static final Map<String, String> GLOBAL = Map.of("flyway_schema_history", "migration bookkeeping",
			"user_account", "a person signs in once across practices", "recovery_code", "belongs to an account",
			"login_attempt", "keyed by typed e-mail, which may match no account", "security_event",
			"security events outside any practice", "event_publication", "Spring Modulith's event registry",
			"event_publication_archive", "Spring Modulith's event registry");

	@Autowired
	JdbcClient jdbc;

	@Test
	void practiceDataTablesLeadTheirPrimaryKeyWithPracticeId() {
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE'""").query(String.class).list();
		assertThat(tables).contains("practice", "membership", "audit_event", "client");
		for (String table : tables) {
			if (GLOBAL.containsKey(table)) {
				continue;
			}
			assertThat(firstPrimaryKeyColumn(table)).as("first primary key column of %s", table).isEqualTo("practice_id");
		}
	}

	@Test
	void foreignKeysBetweenPracticeDataTablesLeadWithPracticeId() {
		record ForeignKey(String name, String table, String referenced, String firstColumn) {
		}
		List<ForeignKey> keys = jdbc.sql("""
				select c.conname as name, c.conrelid::regclass::text as table, c.confrelid::regclass::text as referenced,
				       a.attname as first_column
				from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				where c.contype = 'f' and c.connamespace = 'public'::regnamespace""").query(ForeignKey.class).list();
		assertThat(keys).isNotEmpty();
		for (ForeignKey key : keys) {
			boolean betweenPracticeTables = !GLOBAL.containsKey(key.table()) && !GLOBAL.containsKey(key.referenced());
			if (betweenPracticeTables) {
				assertThat(key.firstColumn()).as("first column of %s on %s", key.name(), key.table())
					.isEqualTo("practice_id");
			}
		}
	}

	@Test
	void globalTablesAreFewAndExplained() {
		assertThat(Set.copyOf(GLOBAL.values())).allSatisfy(reason -> assertThat(reason).isNotBlank());
	}

	private String firstPrimaryKeyColumn(String table) {
		return jdbc.sql("""
				select a.attname from pg_index i
				join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
				where i.indrelid = cast(:t as regclass) and i.indisprimary""")
			.param("t", table)
			.query(String.class)
			.optional()
			.orElse("(no primary key)");
	}

}
