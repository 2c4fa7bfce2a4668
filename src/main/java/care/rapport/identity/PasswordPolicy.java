package care.rapport.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: long enough, not a commonly used password, not built
 * from the person's own e-mail; no composition rules, which only make passwords harder to remember.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private final Set<String> common;

	public PasswordPolicy() {
		var resource = new ClassPathResource("identity/common-passwords.txt");
		try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			common = reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return why the password is refused, in words for the person choosing it; empty if it is fine */
	public Optional<String> problemWith(String password, String email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters. A few unrelated words make a strong, "
					+ "memorable password.");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("Use at most " + MAX_LENGTH + " characters.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || lower.chars().distinct().count() < 4) {
			return Optional.of("This password is too common or too easy to guess. Choose another one.");
		}
		String localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
		if (localPart.length() >= 4 && lower.contains(localPart)) {
			return Optional.of("Don't build your password from your e-mail address.");
		}
		if (lower.contains("rapport")) {
			return Optional.of("Don't use the name of this service in your password.");
		}
		return Optional.empty();
	}

}
