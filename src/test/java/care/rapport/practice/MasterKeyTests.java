package care.rapport.practice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import care.rapport.RapportApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deploying with an external database: {@code --new-master-key} prints a key and starts nothing,
 * and a missing or unusable {@code RAPPORT_MASTER_KEY} stops start-up with one line that names that
 * command instead of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MasterKeyTests {

	private EmbeddedPostgres externalDatabase;

	@BeforeAll
	void startAnExternalDatabase() throws Exception {
		externalDatabase = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of("target", "test-db", "master-key-" + ProcessHandle.current().pid()))
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

	@AfterAll
	void stopTheExternalDatabase() throws Exception {
		externalDatabase.close();
	}

	@Test
	void theNewMasterKeyCommandPrintsAKeyStartUpAcceptsAndStartsNothingElse(CapturedOutput output) throws Exception {
		int before = output.getOut().length();
		RapportApplication.main(new String[] { "--new-master-key" });

		String printed = output.getOut().substring(before);
		assertThat(printed.lines()).hasSize(1);
		String key = printed.strip();
		var aead = MasterKey.parse(key);
		byte[] secret = "a note".getBytes(StandardCharsets.UTF_8);
		assertThat(aead.decrypt(aead.encrypt(secret, new byte[0]), new byte[0])).isEqualTo(secret);
		assertThat(output.getAll().substring(before)).doesNotContain("Tomcat").doesNotContain("Started");
		assertThat(MasterKey.generate()).as("a new key each time").isNotEqualTo(key);
	}

	@Test
	void anExternalDatabaseWithoutAMasterKeyStopsStartUpWithOneLineNamingTheCommand(CapturedOutput output) {
		assertThatThrownBy(() -> start("--rapport.crypto.master-key=")).satisfies(MasterKeyTests::causedByTheMasterKey);

		assertThat(output.getAll())
			.contains("RAPPORT_MASTER_KEY is not set, and with an external database Rapport will not invent a master "
					+ "key. Make one with: java -jar target/rapport.jar --new-master-key")
			.doesNotContain("at care.rapport.practice.SensitiveText");
	}

	@Test
	void anUnusableMasterKeyStopsStartUpWithOneLineNamingTheCommand(CapturedOutput output) {
		assertThatThrownBy(() -> start("--rapport.crypto.master-key=bm90IGEga2V5c2V0"))
			.satisfies(MasterKeyTests::causedByTheMasterKey);

		assertThat(output.getAll())
			.contains("RAPPORT_MASTER_KEY is not a master key Rapport can use (base64 of a Tink AES-256-GCM keyset). "
					+ "Make one with: java -jar target/rapport.jar --new-master-key")
			.doesNotContain("at care.rapport.practice.SensitiveText");
	}

	private static void causedByTheMasterKey(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof MasterKeyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a MasterKeyException among the causes of %s", failure).isNotNull();
	}

	private void start(String masterKey) {
		SpringApplication.run(RapportApplication.class, "--rapport.db.url=" + externalDatabase.getJdbcUrl("postgres", "postgres"),
				"--rapport.db.user=postgres", "--rapport.demo.enabled=false", masterKey, "--server.port=0",
				"--spring.main.banner-mode=off");
	}

}
