package care.rapport.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentStatusTests {

	private static final Instant T0 = Instant.parse("2026-01-05T17:00:00Z");

	private static ConsentSignature signature(int version, long minutesAfter, @Nullable Long withdrawnAfter) {
		return new ConsentSignature(UUID.randomUUID(), new ConsentDocumentId(UUID.randomUUID()), ConsentKind.MESSAGING,
				version, "Alex Rivera", T0.plusSeconds(60 * minutesAfter), null, "0".repeat(64),
				withdrawnAfter == null ? null : T0.plusSeconds(60 * withdrawnAfter), null);
	}

	@Test
	void noSignatureIsNotSigned() {
		assertThat(ConsentStatus.of(1, List.of())).isEqualTo(ConsentStatus.NOT_SIGNED);
	}

	@Test
	void aStandingSignatureOfTheCurrentVersionIsSigned() {
		assertThat(ConsentStatus.of(2, List.of(signature(1, 0, null), signature(2, 10, null))))
			.isEqualTo(ConsentStatus.SIGNED);
	}

	@Test
	void aSignatureOfAnOlderVersionAsksAgain() {
		assertThat(ConsentStatus.of(2, List.of(signature(1, 0, null)))).isEqualTo(ConsentStatus.OUTDATED);
	}

	@Test
	void aWithdrawalCountsWhateverTheVersion() {
		assertThat(ConsentStatus.of(1, List.of(signature(1, 0, 5L)))).isEqualTo(ConsentStatus.WITHDRAWN);
		assertThat(ConsentStatus.of(2, List.of(signature(1, 0, 5L)))).isEqualTo(ConsentStatus.WITHDRAWN);
	}

	@Test
	void signingAgainAfterWithdrawingRestoresConsent() {
		assertThat(ConsentStatus.of(1, List.of(signature(1, 0, 5L), signature(1, 10, null))))
			.isEqualTo(ConsentStatus.SIGNED);
	}

	@Test
	void theMostRecentSignatureDecidesWhateverTheOrderGiven() {
		assertThat(ConsentStatus.of(1, List.of(signature(1, 10, 20L), signature(1, 0, null))))
			.isEqualTo(ConsentStatus.WITHDRAWN);
	}

	@Test
	void typedNamesMatchIgnoringCaseAndExtraSpaces() {
		assertThat(Consents.comparableName("  alex   RIVERA ")).isEqualTo(Consents.comparableName("Alex Rivera"));
		assertThat(Consents.comparableName("Alex Rivers")).isNotEqualTo(Consents.comparableName("Alex Rivera"));
	}

	@Test
	void theContentHashIsTheSha256OfTitleAndBody() {
		assertThat(Consents.contentHash("Title", "Body"))
			.hasSize(64)
			.matches("[0-9a-f]{64}")
			.isNotEqualTo(Consents.contentHash("Title", "Body changed"))
			.isEqualTo(Consents.contentHash("Title", Consents.normalizeBody("Body\r\n")));
	}

	@Test
	void everyJurisdictionGetsAPrivacyNoticeNamingItsLawAndMarkedAsATemplate() {
		assertThat(DefaultConsentDocuments.of(ConsentKind.PRIVACY, "P", "British Columbia, Canada").body())
			.contains("Personal Information Protection Act (PIPA)", "British Columbia");
		assertThat(DefaultConsentDocuments.of(ConsentKind.PRIVACY, "P", "Alberta, Canada").body())
			.contains("Personal Information Protection Act (PIPA)", "Alberta");
		assertThat(DefaultConsentDocuments.of(ConsentKind.PRIVACY, "P", "Ontario, Canada").body()).contains("PHIPA");
		assertThat(DefaultConsentDocuments.of(ConsentKind.PRIVACY, "P", "Other Canadian province or territory").body())
			.contains("PIPEDA");
		var us = DefaultConsentDocuments.of(ConsentKind.PRIVACY, "P", "United States");
		assertThat(us.title()).isEqualTo("Notice of privacy practices");
		assertThat(us.body()).contains("HIPAA", "Office for Civil Rights");
		for (ConsentKind kind : ConsentKind.values()) {
			assertThat(DefaultConsentDocuments.of(kind, "Fraser Valley Counselling", "Other").body())
				.contains(DefaultConsentDocuments.TEMPLATE_NOTE);
		}
	}

}
