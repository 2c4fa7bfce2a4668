package care.rapport.database;

import care.rapport.RapportApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An external database that does not answer stops start-up with one clear line, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

	@Test
	void startupNamesTheUnreachableUrlAndWhatToCheck(CapturedOutput output) {
		String url = "jdbc:postgresql://127.0.0.1:9/rapport";
		assertThatThrownBy(() -> SpringApplication.run(RapportApplication.class, "--rapport.db.url=" + url,
				"--rapport.db.user=rapport", "--server.port=0", "--spring.main.banner-mode=off"))
			.hasRootCauseInstanceOf(java.net.ConnectException.class);
		assertThat(output.getAll()).contains("Cannot reach the database at " + url)
			.contains("RAPPORT_DB_URL")
			.doesNotContain("at com.zaxxer.hikari");
	}

}
