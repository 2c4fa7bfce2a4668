package care.rapport.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the migrations, the schema's owner grants the application's role what it needs on every
 * table and nothing more: no TRUNCATE anywhere, no changes to the migration history, and on the
 * append-only tables (the audit trail, its checkpoints, signed-note addenda) only reading and
 * adding. Other tables that keep rows as written (consent documents and signatures, signed
 * notes) rely on their triggers, which the application's role cannot switch off as it owns
 * nothing. Runs after every migration, so a new table gets its grants without further steps.
 */
class ApplicationRolePrivileges implements Callback {

	private static final Logger log = LoggerFactory.getLogger(ApplicationRolePrivileges.class);

	/** Rows are written once and never changed or removed. */
	static final Set<String> APPEND_ONLY = Set.of("audit_event", "audit_checkpoint", "security_event",
			"note_addendum");

	private final DatabaseLogins logins;

	ApplicationRolePrivileges(DatabaseLogins logins) {
		this.logins = logins;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE && logins.migration() != null;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public String getCallbackName() {
		return "application role privileges";
	}

	@Override
	public void handle(Event event, Context context) {
		String app = logins.app().user();
		String history = context.getConfiguration().getTable();
		try {
			Connection connection = context.getConnection();
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				grant(connection, app, history);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("Could not grant the application's role " + app + " its privileges", ex);
		}
	}

	private static void grant(Connection connection, String app, String history) throws SQLException {
		if (ownsAnything(connection, app)) {
			log.warn("The database role {} owns tables, so its rights cannot be narrowed; give the tables to the "
					+ "migration role (see README, external database)", app);
			return;
		}
		String role = quote(app);
		List<String> tables = tables(connection);
		List<String> readWrite = new ArrayList<>();
		List<String> appendOnly = new ArrayList<>();
		for (String table : tables) {
			if (!table.equals(history)) {
				(APPEND_ONLY.contains(table) ? appendOnly : readWrite).add(table);
			}
		}
		try (Statement sql = connection.createStatement()) {
			sql.execute("grant usage on schema " + quote(schema(connection)) + " to " + role);
			if (!tables.isEmpty()) {
				sql.execute("revoke all on table " + list(tables) + " from " + role);
			}
			if (!readWrite.isEmpty()) {
				sql.execute("grant select, insert, update, delete on table " + list(readWrite) + " to " + role);
				// A large import refreshes the planner's statistics as it goes (ANALYZE), which needs
				// MAINTAIN (PostgreSQL 17 and later); it neither reads nor changes more data.
				if (connection.getMetaData().getDatabaseMajorVersion() >= 17) {
					sql.execute("grant maintain on table " + list(readWrite) + " to " + role);
				}
			}
			if (!appendOnly.isEmpty()) {
				sql.execute("grant select, insert on table " + list(appendOnly) + " to " + role);
			}
			sql.execute("grant usage, select on all sequences in schema " + quote(schema(connection)) + " to " + role);
			// Views (the care team) are definitions for reading, never written through.
			List<String> views = relations(connection, "'v'");
			if (!views.isEmpty()) {
				sql.execute("revoke all on table " + list(views) + " from " + role);
				sql.execute("grant select on table " + list(views) + " to " + role);
			}
		}
		log.info("Granted {} its rights on {} tables ({} append-only)", app,
				readWrite.size() + appendOnly.size(), appendOnly.size());
	}

	private static boolean ownsAnything(Connection connection, String role) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				select exists (select 1 from pg_class c join pg_roles r on r.oid = c.relowner
				               where r.rolname = ? and c.relnamespace = current_schema()::regnamespace)""")) {
			query.setString(1, role);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		return relations(connection, "'r', 'p'");
	}

	private static List<String> relations(Connection connection, String kinds) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("""
						select relname from pg_class
						where relnamespace = current_schema()::regnamespace and relkind in (%s)
						order by relname""".formatted(kinds))) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static String schema(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("select current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String list(List<String> tables) {
		return tables.stream().map(ApplicationRolePrivileges::quote).collect(Collectors.joining(", "));
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
