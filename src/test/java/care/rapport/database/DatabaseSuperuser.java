package care.rapport.database;

import java.util.function.Consumer;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One connection to the tests' embedded server as its superuser, for tests that play someone
 * with full database rights going behind Rapport's back (the application's own role cannot).
 */
public final class DatabaseSuperuser implements AutoCloseable {

	private final SingleConnectionDataSource dataSource;

	private DatabaseSuperuser(SingleConnectionDataSource dataSource) {
		this.dataSource = dataSource;
	}

	public static DatabaseSuperuser connect(ApplicationContext context) {
		var settings = context.getBean(DatabaseSettings.class);
		String url = context.getBean(DatabaseLogins.class).app().url();
		var credentials = EmbeddedCredentials.read(settings.embeddedDataDir());
		var dataSource = new SingleConnectionDataSource(url, EmbeddedCredentials.SUPERUSER,
				credentials.superuserPassword(), true);
		return new DatabaseSuperuser(dataSource);
	}

	/** Runs statements on one superuser connection, with triggers off (session_replication_role = replica). */
	public static void behindTheTriggers(ApplicationContext context, Consumer<JdbcClient> statements) {
		try (var superuser = connect(context)) {
			superuser.jdbc().sql("set session_replication_role = replica").update();
			statements.accept(superuser.jdbc());
		}
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource);
	}

	@Override
	public void close() {
		dataSource.destroy();
	}

}
