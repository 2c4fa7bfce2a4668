package care.rapport.mail;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox page is a demo device: on by default only while the demo runs without a mail server. */
class OutboxPageTests {

	@Test
	void onForTheDemoWithoutAMailServer() {
		assertThat(page(null, new MockEnvironment()).enabled()).isTrue();
		assertThat(page(null, new MockEnvironment()).reason()).contains("demo practice without a mail server");
	}

	@Test
	void offOnceAMailServerIsSet() {
		assertThat(page(null, new MockEnvironment().withProperty("spring.mail.host", "smtp.example")).enabled())
			.isFalse();
	}

	@Test
	void offWithoutTheDemoEvenWithTheEmbeddedDatabase() {
		assertThat(page(null, new MockEnvironment().withProperty("rapport.demo.enabled", "false")).enabled()).isFalse();
		assertThat(page(null, new MockEnvironment().withProperty("rapport.db.url", "jdbc:postgresql://db/rapport"))
			.enabled()).isFalse();
	}

	@Test
	void theSettingWinsAndThePageSaysSo() {
		var withMail = new MockEnvironment().withProperty("spring.mail.host", "smtp.example");
		assertThat(page(true, withMail).enabled()).isTrue();
		assertThat(page(true, withMail).reason()).contains("RAPPORT_OUTBOX_PAGE");
		assertThat(page(false, new MockEnvironment()).enabled()).isFalse();
	}

	private static OutboxPage page(@Nullable Boolean setting, MockEnvironment environment) {
		return new OutboxPage(new MailSettings("from@example.org", "http://localhost:8080", setting), environment);
	}

}
