package care.rapport.practice;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable master key into one line that says how to make one, not a stack trace. */
class MasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyException cause) {
		return new FailureAnalysis(cause.getMessage() + ". Make one with: " + MasterKey.COMMAND,
				"Run " + MasterKey.COMMAND + " (or ./mvnw spring-boot:run -Dspring-boot.run.arguments=--new-master-key), "
						+ "set what it prints as RAPPORT_MASTER_KEY and keep a copy away from the database's backups: "
						+ "data encrypted under a lost key cannot be read.",
				cause);
	}

}
