package care.rapport.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database into one readable line instead of a stack trace. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Check that PostgreSQL is running and that RAPPORT_DB_URL, RAPPORT_DB_USER and RAPPORT_DB_PASSWORD "
						+ "are right, or unset RAPPORT_DB_URL to use the embedded database.",
				cause);
	}

}
