package care.rapport.practice;

import java.time.ZoneId;

import care.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sensitive text is encrypted with a key per practice, bound to its field. */
@IntegrationTest
class SensitiveTextIntegrationTests {

	@Autowired
	SensitiveText sensitive;

	@Autowired
	Practices practices;

	@Test
	void textRoundTripsAndIsNotReadableAtRest() {
		var practice = practices.create("Cipher practice", ZoneId.of("America/Vancouver"), "British Columbia, Canada");
		byte[] stored = sensitive.encrypt(practice.id(), "note.body", "Client spoke about their father.");

		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("father");
		assertThat(sensitive.decrypt(practice.id(), "note.body", stored)).isEqualTo("Client spoke about their father.");
	}

	@Test
	void ciphertextDoesNotOpenInAnotherPracticeOrField() {
		var one = practices.create("Cipher one", ZoneId.of("America/Vancouver"), "British Columbia, Canada");
		var two = practices.create("Cipher two", ZoneId.of("America/Vancouver"), "British Columbia, Canada");
		byte[] stored = sensitive.encrypt(one.id(), "note.body", "private");

		assertThatThrownBy(() -> sensitive.decrypt(two.id(), "note.body", stored)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> sensitive.decrypt(one.id(), "message.body", stored))
			.isInstanceOf(IllegalStateException.class);
	}

}
