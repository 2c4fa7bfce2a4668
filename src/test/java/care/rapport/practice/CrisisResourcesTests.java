package care.rapport.practice;

import java.util.List;

import care.rapport.practice.CrisisResources.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Crisis numbers become tap-to-call links wherever the lines are shown. */
class CrisisResourcesTests {

	@Test
	void eachPhoneNumberInALineIsAPieceToDialAndTheWordsStayAsWritten() {
		var line = new CrisisResources.Line("Suicide and crisis line", "Call or text 9-8-8, any time");

		assertThat(line.actionParts()).containsExactly(new Part("Call or text ", null), new Part("9-8-8", "988"),
				new Part(", any time", null));
	}

	@Test
	void longNumbersWithSpacesBracketsOrACountryCodeAreDialledAsDigits() {
		assertThat(new CrisisResources.Line("Crisis Centre BC", "Call (604) 872-3311 or +1 800 784 2433").actionParts())
			.extracting(Part::dial)
			.containsExactly(null, "6048723311", null, "+18007842433");
	}

	@Test
	void shortNumbersAreWordsNotPhoneNumbers() {
		assertThat(new CrisisResources.Line("Line", "Open 24 hours, 7 days").actionParts())
			.containsExactly(new Part("Open 24 hours, 7 days", null));
	}

	@Test
	void inASentenceTheFirstLetterIsLowerCase() {
		List<Part> parts = new CrisisResources.Line("Emergency", "Call 911 or go to the nearest emergency department")
			.actionPartsInSentence();
		assertThat(parts).containsExactly(new Part("call ", null), new Part("911", "911"),
				new Part(" or go to the nearest emergency department", null));
	}

}
