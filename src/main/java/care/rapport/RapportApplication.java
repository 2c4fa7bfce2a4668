package care.rapport;

import java.io.PrintStream;
import java.util.Arrays;

import care.rapport.practice.MasterKey;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rapport: feedback-informed care for psychotherapy practices. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RapportApplication {

	static final String NEW_MASTER_KEY = "--new-master-key";

	/**
	 * Starts Rapport; with {@code --new-master-key} only prints a new value for
	 * {@code RAPPORT_MASTER_KEY} and ends, before anything starts (no database, no port).
	 */
	public static void main(String[] args) {
		if (Arrays.asList(args).contains(NEW_MASTER_KEY)) {
			printNewMasterKey(System.out);
			return;
		}
		SpringApplication.run(RapportApplication.class, args);
	}

	/** The key alone on standard output, so {@code export RAPPORT_MASTER_KEY=$(java -jar … --new-master-key)} works. */
	static void printNewMasterKey(PrintStream out) {
		out.println(MasterKey.generate());
		out.flush();
	}

}
