package care.rapport.measures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoincCheckTests {

	@Test
	void acceptsPublishedCodes() {
		assertThat(LoincCheck.problemWith("44261-6")).isNull();
		assertThat(LoincCheck.problemWith("2345-7")).isNull();
		assertThat(LoincCheck.problemWith("718-7")).isNull();
	}

	@Test
	void namesTheValidCheckDigitOfAMistypedCode() {
		assertThat(LoincCheck.problemWith("44261-5"))
			.isEqualTo("44261-5 has a wrong check digit (44261-6 would be valid)");
	}

	@Test
	void refusesSomethingThatIsNotShapedLikeALoincCode() {
		assertThat(LoincCheck.problemWith("PHQ9")).startsWith("PHQ9 is not a LOINC code");
	}

}
