package care.rapport.consent;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.ClientId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Clients sign, are asked again for a new version, and withdraw with immediate effect; staff see where they stand. */
@IntegrationTest
@AutoConfigureMockMvc
class ConsentIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Consents consents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aNewVersionAsksAgainAndSigningItRestoresConsent() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		ClientId client = practice.clientOfA();
		String name = practice.user(practice.clientAEmail()).displayName();
		var v1 = consents.current(p, ConsentKind.TREATMENT);
		assertThat(v1.version()).isEqualTo(1);
		assertThat(v1.template()).isTrue();

		sign(practice, v1.id(), "  " + name.toUpperCase() + "  ").andExpect(status().is3xxRedirection());
		assertThat(statusOf(p, client, ConsentKind.TREATMENT)).isEqualTo(ConsentStatus.SIGNED);
		assertThat(consents.hasConsent(p, client, ConsentKind.TREATMENT)).isTrue();
		var signature = consents.signatures(p, client).get(0);
		assertThat(signature.contentHash()).isEqualTo(v1.contentHash())
			.isEqualTo(Consents.contentHash(v1.title(), v1.body()));
		assertThat(signature.remoteAddr()).isNotBlank();
		assertThat(signature.typedName()).isEqualTo(name.toUpperCase());

		mvc.perform(post("/app/consent-documents/TREATMENT").with(csrf())
			.with(practice.as(practice.adminEmail()))
			.param("title", "Agreeing to counselling")
			.param("body", "Our updated agreement.\r\n\r\nWith a second paragraph."))
			.andExpect(status().is3xxRedirection());
		var v2 = consents.current(p, ConsentKind.TREATMENT);
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.body()).isEqualTo("Our updated agreement.\n\nWith a second paragraph.");
		assertThat(statusOf(p, client, ConsentKind.TREATMENT)).isEqualTo(ConsentStatus.OUTDATED);
		assertThat(consents.hasConsent(p, client, ConsentKind.TREATMENT)).isFalse();

		sign(practice, v1.id(), name).andExpect(status().isOk())
			.andExpect(content().string(containsString("newer version")));
		assertThat(consents.signatures(p, client)).hasSize(1);

		sign(practice, v2.id(), name).andExpect(status().is3xxRedirection());
		sign(practice, v2.id(), name).andExpect(status().is3xxRedirection());
		assertThat(statusOf(p, client, ConsentKind.TREATMENT)).isEqualTo(ConsentStatus.SIGNED);
		assertThat(consents.hasConsent(p, client, ConsentKind.TREATMENT)).isTrue();
		assertThat(consents.signatures(p, client)).as("a double click signs once").hasSize(2);
		assertThat(auditActions(p)).contains("CONSENT_SIGNED", "CONSENT_PUBLISHED");
	}

	@Test
	void withdrawingMessagingTakesEffectAtOnceAndOnlyOnce() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		ClientId client = practice.clientOfA();
		var messaging = consents.current(p, ConsentKind.MESSAGING);
		sign(practice, messaging.id(), practice.user(practice.clientAEmail()).displayName())
			.andExpect(status().is3xxRedirection());
		assertThat(consents.hasConsent(p, client, ConsentKind.MESSAGING)).isTrue();

		mvc.perform(post("/me/consent/MESSAGING/withdraw").with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("reason", "I prefer the phone"))
			.andExpect(status().is3xxRedirection());
		assertThat(consents.hasConsent(p, client, ConsentKind.MESSAGING)).isFalse();
		assertThat(statusOf(p, client, ConsentKind.MESSAGING)).isEqualTo(ConsentStatus.WITHDRAWN);
		var withdrawn = consents.signatures(p, client).get(0);
		assertThat(withdrawn.withdrawnReason()).isEqualTo("I prefer the phone");
		assertThat(auditActions(p)).contains("CONSENT_WITHDRAWN");

		assertThat(consents.withdraw(practice.user(practice.clientAEmail()), ConsentKind.MESSAGING))
			.as("nothing left to withdraw")
			.isFalse();
		assertThat(consents.signatures(p, client).get(0).withdrawnAt()).isEqualTo(withdrawn.withdrawnAt());
		assertThatThrownBy(() -> jdbc.sql("update consent_signature set withdrawn_at = now() where practice_id = :p")
			.param("p", p.value())
			.update()).hasMessageContaining("withdrawn, once");
		assertThatThrownBy(() -> jdbc.sql("delete from consent_signature where practice_id = :p")
			.param("p", p.value())
			.update()).hasMessageContaining("kept as signed");
		assertThatThrownBy(() -> jdbc.sql("update consent_document set body = 'changed' where practice_id = :p")
			.param("p", p.value())
			.update()).hasMessageContaining("kept as signed");
	}

	@Test
	void treatmentConsentIsNotWithdrawnByAButton() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		var treatment = consents.current(p, ConsentKind.TREATMENT);
		sign(practice, treatment.id(), practice.user(practice.clientAEmail()).displayName());

		mvc.perform(post("/me/consent/TREATMENT/withdraw").with(csrf()).with(practice.as(practice.clientAEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("talk with your therapist")));
		assertThat(consents.hasConsent(p, practice.clientOfA(), ConsentKind.TREATMENT)).isTrue();
	}

	@Test
	void aWrongTypedNameIsRefusedKeepsWhatWasTypedAndStoresNothing() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		var privacy = consents.current(p, ConsentKind.PRIVACY);

		sign(practice, privacy.id(), "Someone Else").andExpect(status().isOk())
			.andExpect(content().string(containsString("does not match the name your practice has for you")))
			.andExpect(content().string(containsString("value=\"Someone Else\"")));
		sign(practice, privacy.id(), "   ").andExpect(status().isOk())
			.andExpect(content().string(containsString("Type your full name to sign.")));
		assertThat(consents.signatures(p, practice.clientOfA())).isEmpty();
		assertThat(statusOf(p, practice.clientOfA(), ConsentKind.PRIVACY)).isEqualTo(ConsentStatus.NOT_SIGNED);
	}

	@Test
	void aClientCannotSignAnotherPracticesDocument() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var other = TestPractice.createWithoutConsents(context);
		var theirs = consents.current(other.practice().id(), ConsentKind.TREATMENT);

		mvc.perform(post("/me/consent/" + theirs.id() + "/sign").with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("typedName", practice.user(practice.clientAEmail()).displayName()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/me/consent/" + theirs.id() + "/sign").with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("typedName", other.user(other.clientAEmail()).displayName()))
			.andExpect(status().isNotFound());
		assertThat(consents.signatures(other.practice().id(), other.clientOfA())).isEmpty();
		assertThat(consents.signatures(practice.practice().id(), practice.clientOfA())).isEmpty();
	}

	@Test
	void theClientPageShowsEachDocumentAndThePrivacyNoticeOfTheJurisdiction() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		mvc.perform(get("/me/consent").with(practice.as(practice.clientAEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Agreeing to counselling")))
			.andExpect(content().string(containsString("Personal Information Protection Act (PIPA)")))
			.andExpect(content().string(containsString("Withdrawing this")))
			.andExpect(content().string(containsString("Not signed yet")))
			.andExpect(content().string(not(containsString("Withdraw this consent"))));
	}

	@Test
	void staffOfTheClientSeeTheStatusAndEachViewIsAudited() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		var telehealth = consents.current(p, ConsentKind.TELEHEALTH);
		sign(practice, telehealth.id(), practice.user(practice.clientAEmail()).displayName());
		String url = "/app/clients/" + practice.clientOfA() + "/consent";

		for (String email : new String[] { practice.therapistAEmail(), practice.supervisorEmail(),
				practice.adminEmail() }) {
			mvc.perform(get(url).with(practice.as(email)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Sessions by video or phone")))
				.andExpect(content().string(containsString("Signed")));
		}
		mvc.perform(get(url).with(practice.as(practice.therapistBEmail()))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("""
				select actor_role from audit_event
				where practice_id = :p and client_id = :c and action = 'CLIENT_RECORD_VIEWED'""")
			.param("p", p.value())
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.list()).contains("THERAPIST", "SUPERVISOR", "PRACTICE_ADMIN");
	}

	@Test
	void aRefusedPublicationKeepsWhatWasTypedAndPublishesNothing() throws Exception {
		var practice = TestPractice.createWithoutConsents(context);
		var p = practice.practice().id();
		var v1 = consents.current(p, ConsentKind.MEASUREMENT);

		mvc.perform(post("/app/consent-documents/MEASUREMENT").with(csrf())
			.with(practice.as(practice.adminEmail()))
			.param("title", "  ")
			.param("body", "My careful new wording"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the document a title")))
			.andExpect(content().string(containsString("My careful new wording")));
		mvc.perform(post("/app/consent-documents/MEASUREMENT").with(csrf())
			.with(practice.as(practice.adminEmail()))
			.param("title", v1.title())
			.param("body", v1.body()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("same text as version 1")));
		mvc.perform(post("/app/consent-documents/MEASUREMENT").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("title", "Mine")
			.param("body", "Mine"))
			.andExpect(status().isNotFound());
		assertThat(consents.current(p, ConsentKind.MEASUREMENT)).isEqualTo(v1);
	}

	private org.springframework.test.web.servlet.ResultActions sign(TestPractice practice, ConsentDocumentId document,
			String typedName) throws Exception {
		return mvc.perform(post("/me/consent/" + document + "/sign").with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("typedName", typedName));
	}

	private ConsentStatus statusOf(care.rapport.practice.PracticeId practice, ClientId client, ConsentKind kind) {
		return consents.statusFor(practice, client)
			.stream()
			.filter(s -> s.kind() == kind)
			.findFirst()
			.orElseThrow()
			.status();
	}

	private java.util.List<String> auditActions(care.rapport.practice.PracticeId practice) {
		return jdbc.sql("select action from audit_event where practice_id = :p")
			.param("p", practice.value())
			.query(String.class)
			.list();
	}

}
