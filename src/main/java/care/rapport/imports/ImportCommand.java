package care.rapport.imports;

import java.nio.file.Files;
import java.nio.file.Path;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.practice.Practices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command-line way in, through the same {@link HistoryImport} as the admin page:
 * <pre>
 * java -jar target/rapport.jar --rapport.imports.file=history.csv --rapport.imports.admin=admin@example.org \
 *     --rapport.imports.therapist=therapist@example.org --rapport.imports.consent-confirmed=true [--rapport.imports.dry-run=true]
 * </pre>
 * starts the app, checks or imports the file as that admin, logs the counts and every row's errors
 * (never a score), and exits: 0 when imported (or valid, for a dry run), 1 otherwise.
 */
@Component
class ImportCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final Environment environment;

	private final HistoryImport imports;

	private final Accounts accounts;

	private final Practices practices;

	private final ConfigurableApplicationContext context;

	ImportCommand(Environment environment, HistoryImport imports, Accounts accounts, Practices practices,
			ConfigurableApplicationContext context) {
		this.environment = environment;
		this.imports = imports;
		this.accounts = accounts;
		this.practices = practices;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String file = environment.getProperty("rapport.imports.file");
		if (file == null || file.isBlank()) {
			return;
		}
		int code = importFile(Path.of(file));
		System.exit(SpringApplication.exit(context, () -> code));
	}

	private int importFile(Path file) throws java.io.IOException {
		String adminEmail = environment.getProperty("rapport.imports.admin", "");
		var adminId = accounts.findByEmail(adminEmail)
			.orElseThrow(() -> new IllegalArgumentException("No account " + adminEmail + " (rapport.imports.admin)"));
		var practice = accounts.practicesOf(adminId)
			.stream()
			.filter(p -> accounts.member(p, adminId).map(m -> m.roles().contains(Role.PRACTICE_ADMIN)).orElse(false))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(adminEmail + " is not a practice admin"));
		var member = accounts.member(practice, adminId).orElseThrow();
		var admin = new RapportUser(adminId, member.email(), member.displayName(), practice,
				practices.get(practice).name(), member.roles(), true, null);
		byte[] content = Files.readAllBytes(file);
		HistoryImport.Outcome outcome;
		if (environment.getProperty("rapport.imports.dry-run", Boolean.class, false)) {
			outcome = imports.dryRun(admin, content);
		}
		else {
			String therapistEmail = environment.getProperty("rapport.imports.therapist", "");
			var therapist = accounts.findByEmail(therapistEmail)
				.filter(t -> accounts.member(practice, t).map(m -> m.roles().contains(Role.THERAPIST)).orElse(false))
				.orElseThrow(() -> new IllegalArgumentException(
						"No therapist " + therapistEmail + " in the practice (rapport.imports.therapist)"));
			try {
				outcome = imports.importFile(admin, content, file.getFileName().toString(), therapist,
						environment.getProperty("rapport.imports.consent-confirmed", Boolean.class, false));
			}
			catch (HistoryImport.RejectedFile rejected) {
				outcome = rejected.outcome();
			}
		}
		log.info("History import of {}: {} rows, {} clients ({} new), {} sessions {}, {} imported before{}", file,
				outcome.lines(), outcome.clients(), outcome.newClients(), outcome.sessionsToAdd(),
				outcome.imported() ? "added" : "to add", outcome.alreadyImported(),
				outcome.sameFileBefore() ? "; this file was imported before" : "");
		outcome.problems().forEach(p -> log.warn("Row {} ({}): {}", p.line(), p.client(), p.reason()));
		return outcome.valid() ? 0 : 1;
	}

}
