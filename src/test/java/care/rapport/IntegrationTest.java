package care.rapport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a random port, backed by one embedded PostgreSQL per
 * test JVM (fresh files under target/), with the demo practice present.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.db.data-dir=target/test-db/${PID}", "rapport.db.clean-on-start=true",
				"rapport.demo.enabled=true", "rapport.security.sign-in-attempts-per-minute=10000",
				"rapport.mail.outbox-page=true", "spring.main.banner-mode=off" })
public @interface IntegrationTest {
}
