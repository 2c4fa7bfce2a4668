package care.rapport.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static care.rapport.database.EmbeddedCredentials.APP;
import static care.rapport.database.EmbeddedCredentials.OWNER;
import static care.rapport.database.EmbeddedCredentials.SUPERUSER;

/**
 * Locks the embedded server down at every start: every connection needs a password, the schema
 * belongs to a role that is not a superuser, and the application works as a role that owns
 * nothing. A data folder made before this existed (trusting every local user, everything owned
 * by the superuser) is brought to the same state at its first start, keeping its data.
 */
final class EmbeddedServerHardening {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServerHardening.class);

	/** Only this machine may connect, and always with a password. */
	static final String HBA = """
			# Written by Rapport at every start: every connection needs a password (SCRAM-SHA-256), and
			# only this machine may connect. The passwords are in ../database-passwords.properties.
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			host    all   all   ::1/128        scram-sha-256
			""";

	private static final String DATABASE = "postgres";

	private EmbeddedServerHardening() {
	}

	/** Whether a server's own configuration still lets local users in without a password (as before Rapport set passwords). */
	static boolean trustsLocalUsers(Path pgData) {
		try {
			return Files.readAllLines(pgData.resolve("pg_hba.conf"))
				.stream()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.anyMatch(line -> line.matches(".*\\btrust\\b.*"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void apply(EmbeddedPostgres server, Path pgData, EmbeddedCredentials credentials) {
		boolean upgrading = trustsLocalUsers(pgData);
		if (upgrading) {
			log.warn("The embedded PostgreSQL in {} lets local users in without a password; setting passwords, "
					+ "moving the tables to {} and requiring passwords from now on", pgData, OWNER);
		}
		try (Connection connection = server
			.getDatabase(SUPERUSER, DATABASE, Map.of("password", credentials.superuserPassword()))
			.getConnection()) {
			connection.setAutoCommit(false);
			setUpRoles(connection, credentials);
			giveSchemaToOwner(connection);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL in " + pgData, ex);
		}
		requirePasswords(server, pgData);
	}

	private static void setUpRoles(Connection connection, EmbeddedCredentials credentials) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			for (String role : new String[] { OWNER, APP }) {
				sql.execute("""
						do $$ begin
						    if not exists (select 1 from pg_roles where rolname = '%1$s') then
						        create role %1$s login;
						    end if;
						end $$""".formatted(role));
				// Spelled out so a role made by hand or by an older version loses any power it had.
				sql.execute("alter role " + role
						+ " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit");
			}
		}
		// The password travels as a SCRAM verifier computed here, never as text the server could log.
		PGConnection pg = connection.unwrap(PGConnection.class);
		pg.alterUserPassword(SUPERUSER, credentials.superuserPassword().toCharArray(), "scram-sha-256");
		pg.alterUserPassword(OWNER, credentials.ownerPassword().toCharArray(), "scram-sha-256");
		pg.alterUserPassword(APP, credentials.appPassword().toCharArray(), "scram-sha-256");
	}

	/**
	 * The owner gets the schema and everything in it (a data folder of an older version has it all
	 * owned by the superuser). The extension for double-booking checks needs the superuser, so it
	 * is made here, before the owner's migrations ask for it.
	 */
	private static void giveSchemaToOwner(Connection connection) throws SQLException {
		try (Statement sql = connection.createStatement()) {
			sql.execute("create extension if not exists btree_gist schema public");
			sql.execute("alter schema public owner to " + OWNER);
			sql.execute("revoke create on schema public from public");
			sql.execute("""
					do $$
					declare
					    item record;
					begin
					    for item in
					        select c.oid::regclass::text as name,
					               case c.relkind when 'S' then 'sequence' when 'v' then 'view'
					                              when 'm' then 'materialized view' else 'table' end as kind
					        from pg_class c
					        where c.relnamespace = 'public'::regnamespace
					          and c.relkind in ('r', 'p', 'v', 'm', 'S')
					          and c.relowner <> 'rapport_owner'::regrole
					          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
					                          and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
					    loop
					        execute format('alter %s %s owner to rapport_owner', item.kind, item.name);
					    end loop;
					    for item in
					        select p.oid::regprocedure::text as name,
					               case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end as kind
					        from pg_proc p
					        where p.pronamespace = 'public'::regnamespace
					          and p.proowner <> 'rapport_owner'::regrole
					          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
					                          and d.objid = p.oid and d.deptype = 'e')
					    loop
					        execute format('alter %s %s owner to rapport_owner', item.kind, item.name);
					    end loop;
					    for item in
					        select t.oid::regtype::text as name,
					               case t.typtype when 'd' then 'domain' else 'type' end as kind
					        from pg_type t
					        where t.typnamespace = 'public'::regnamespace
					          and t.typowner <> 'rapport_owner'::regrole
					          and (t.typtype in ('e', 'd', 'r', 'm')
					               or (t.typtype = 'c' and (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c'))
					          and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
					                          and d.objid = t.oid and d.deptype = 'e')
					    loop
					        execute format('alter %s %s owner to rapport_owner', item.kind, item.name);
					    end loop;
					end $$""");
		}
	}

	/** Writes the password-only rules (when they differ) and waits until the server refuses a wrong password. */
	private static void requirePasswords(EmbeddedPostgres server, Path pgData) {
		Path hba = pgData.resolve("pg_hba.conf");
		try {
			if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
				Path temporary = pgData.resolve("pg_hba.conf.new");
				Files.deleteIfExists(temporary);
				EmbeddedCredentials.createPrivateFile(temporary);
				Files.writeString(temporary, HBA, StandardCharsets.UTF_8);
				Files.move(temporary, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				reload(server);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + hba, ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (acceptsWrongPassword(server)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The embedded PostgreSQL in " + pgData
						+ " still accepts a wrong password; refusing to run on it");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while securing the embedded PostgreSQL", ex);
			}
		}
	}

	private static void reload(EmbeddedPostgres server) {
		// Still the old rules: the superuser's new password works under both.
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reload the embedded PostgreSQL's configuration", ex);
		}
	}

	private static boolean acceptsWrongPassword(EmbeddedPostgres server) {
		try (Connection ignored = server
			.getDatabase(SUPERUSER, DATABASE, Map.of("password", "not-the-password-" + System.nanoTime()))
			.getConnection()) {
			return true;
		}
		catch (SQLException refused) {
			return false;
		}
	}

}
