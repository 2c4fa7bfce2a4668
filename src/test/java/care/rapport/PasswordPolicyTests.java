package care.rapport;

import care.rapport.identity.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThat(policy.problemWith("short pass1", "a@b.example")).hasValueSatisfying(
				problem -> assertThat(problem).contains("at least 12"));
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.problemWith("Password1234", "a@b.example")).isPresent();
		assertThat(policy.problemWith("CorrectHorseBatteryStaple", "a@b.example")).isPresent();
	}

	@Test
	void refusesPasswordsOfOneOrTwoRepeatedCharacters() {
		assertThat(policy.problemWith("aaaaaaaaaaaaaa", "a@b.example")).isPresent();
		assertThat(policy.problemWith("abababababab", "a@b.example")).isPresent();
	}

	@Test
	void refusesPasswordsBuiltFromTheEmail() {
		assertThat(policy.problemWith("jordan.whitehorse-2026", "jordan.whitehorse@x.example")).isPresent();
	}

	@Test
	void acceptsLongPassphrasesWithoutCompositionRules() {
		assertThat(policy.problemWith("quiet river lantern morning", "a@b.example")).isEmpty();
		assertThat(policy.problemWith("ALLCAPSNODIGITSATALL", "a@b.example")).isEmpty();
	}

	@Test
	void countsCharactersNotBytes() {
		assertThat(policy.problemWith("çàé漢字çàé漢字çà", "a@b.example")).isEmpty();
	}

}
