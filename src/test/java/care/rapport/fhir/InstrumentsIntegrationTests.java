package care.rapport.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff export instruments as FHIR Questionnaires; admins import their practice's own. */
@IntegrationTest
@AutoConfigureMockMvc
class InstrumentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	QuestionnaireMapper mapper;

	@Autowired
	QuestionnaireJson json;

	@Autowired
	Instruments instruments;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void staffDownloadAShippedInstrumentAsFhirJson() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/app/instruments/phq-9/questionnaire.json").with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(MediaType.parseMediaType(response.getContentType()))
			.satisfies(type -> assertThat(type.isCompatibleWith(MediaType.parseMediaType("application/fhir+json")))
				.isTrue());
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
			.contains("PHQ-9-v1.questionnaire.json");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"resourceType\": \"Questionnaire\"", "http://hl7.org/fhir/StructureDefinition/ordinalValue",
				"\"44249-1\"");
		assertThat(mapper.fromQuestionnaire(json.parse(body))).isEqualTo(instruments.get("PHQ-9"));
		assertThat(auditedActions()).contains("INSTRUMENT_EXPORTED");
	}

	@Test
	void anUnknownInstrumentIsNotFound() throws Exception {
		mvc.perform(get("/app/instruments/NOPE-1/questionnaire.json").with(practice.as(practice.adminEmail())))
			.andExpect(status().isNotFound());
	}

	@Test
	void adminImportsAQuestionnaireThatStaffThenSeeAndExportAsImported() throws Exception {
		String questionnaire = questionnaireOf(TestInstruments.practiceMood("PRACTICE-MOOD", 2));

		mvc.perform(post("/app/instruments/import").param("questionnaire", questionnaire)
			.with(csrf())
			.with(practice.as(practice.adminEmail())))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/app/instruments"))
			.andExpect(flash().attribute("notice",
					"Imported Practice mood check (PRACTICE-MOOD, version 2). It is listed under your practice's instruments."));

		assertThat(storedRows()).isEqualTo(1);
		assertThat(auditedActions()).contains("INSTRUMENT_IMPORTED");
		String page = mvc.perform(get("/app/instruments").with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("PRACTICE-MOOD", "Practice mood check", "/app/instruments/PRACTICE-MOOD/questionnaire.json?version=2")
			.doesNotContain("Import a FHIR Questionnaire");
		String exported = mvc
			.perform(get("/app/instruments/PRACTICE-MOOD/questionnaire.json").with(practice.as(practice.therapistBEmail())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(exported).isEqualTo(questionnaire);
	}

	@Test
	void anImportedInstrumentCanBeAskedOfClientsAndIsScored() throws Exception {
		importAsAdmin(questionnaireOf(TestInstruments.practiceMood("PRACTICE-MOOD", 1)))
			.andExpect(redirectedUrl("/app/instruments"));
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/plan").param("timing.PRACTICE-MOOD", "BEFORE_SESSION")
			.with(csrf())
			.with(practice.as(practice.therapistAEmail()))).andExpect(status().is3xxRedirection());
		context.getBean(care.rapport.scheduling.Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					java.time.Instant.now().plusSeconds(3600), java.time.Duration.ofMinutes(50));
		var due = context.getBean(care.rapport.measures.Administrations.class)
			.due(practice.practice().id(), practice.clientOfA());
		assertThat(due).extracting(a -> a.instrumentCode()).containsExactly("PRACTICE-MOOD");

		mvc.perform(get("/me/measures").with(practice.as(practice.clientAEmail())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Practice mood check")));
		mvc.perform(post("/me/measures/" + due.get(0).id()).param("item.calm", "4")
			.param("item.worry", "2")
			.param("item.sleep", "1")
			.with(csrf())
			.with(practice.as(practice.clientAEmail()))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select total from administration where administration_id = :a")
			.param("a", due.get(0).id().value())
			.query(Integer.class)
			.single()).as("calm is reverse-scored: 0 + 2 + 1").isEqualTo(3);
	}

	@Test
	void anotherPracticeCannotSeeOrExportAPracticesImport() throws Exception {
		TestPractice other = TestPractice.create(context);
		importAsAdmin(questionnaireOf(TestInstruments.practiceMood("OUR-OWN", 1)));

		mvc.perform(get("/app/instruments/OUR-OWN/questionnaire.json").with(other.as(other.adminEmail())))
			.andExpect(status().isNotFound());
		String page = mvc.perform(get("/app/instruments").with(other.as(other.adminEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("OUR-OWN");
	}

	@Test
	void aMalformedQuestionnaireIsRefusedWithEveryProblemAndWhatWasPastedKept() throws Exception {
		var phq9 = mapper.toQuestionnaire(instruments.get("PHQ-9"));
		phq9.getIdentifierFirstRep().setValue("BROKEN-9");
		phq9.getItem().get(2).getAnswerOption().get(1).getValueCoding().getExtension().clear();
		phq9.getExtension().removeIf(e -> RapportExtensions.DIRECTION.equals(e.getUrl()));
		String pasted = json.write(phq9);

		String page = importAsAdmin(pasted).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Nothing was imported", "Questionnaire.item[2].answerOption[1]: no ordinal value",
				"Questionnaire.extension:score-direction: missing", "BROKEN-9", "aria-invalid=\"true\"");
		assertThat(storedRows()).isZero();
		assertThat(auditedActions()).doesNotContain("INSTRUMENT_IMPORTED");
	}

	@Test
	void unparseableTextIsRefusedAndKept() throws Exception {
		String page = importAsAdmin("{ not json at all").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Nothing was imported", "json: ", "{ not json at all");
		assertThat(storedRows()).isZero();
	}

	@Test
	void aShippedCodeOrAnImportedVersionCannotBeImportedAgain() throws Exception {
		String mood = questionnaireOf(TestInstruments.practiceMood("MOOD-TWICE", 1));
		importAsAdmin(mood).andExpect(status().is3xxRedirection());

		assertThat(importAsAdmin(mood).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Questionnaire.version: MOOD-TWICE version 1 is already imported");
		assertThat(importAsAdmin(questionnaireOf(instruments.get("GAD-7"))).andReturn().getResponse().getContentAsString())
			.contains("Questionnaire.identifier: GAD-7 is an instrument Rapport ships with");
		importAsAdmin(questionnaireOf(TestInstruments.practiceMood("MOOD-TWICE", 2))).andExpect(status().is3xxRedirection());
		assertThat(storedRows()).isEqualTo(2);
	}

	@Test
	void aTherapistCannotImport() throws Exception {
		mvc.perform(post("/app/instruments/import")
			.param("questionnaire", questionnaireOf(TestInstruments.practiceMood("NOT-MINE", 1)))
			.with(csrf())
			.with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isNotFound());

		assertThat(storedRows()).isZero();
		String page = mvc.perform(get("/app/instruments").with(practice.as(practice.therapistAEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("PHQ-9", "Export as FHIR Questionnaire").doesNotContain("<textarea");
	}

	@Test
	void adminsSeeTheImportFormAndTheLinkFromHome() throws Exception {
		String page = mvc.perform(get("/app/instruments").with(practice.as(practice.adminEmail())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String home = mvc.perform(get("/app").with(practice.as(practice.adminEmail())))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Import a FHIR Questionnaire", "<textarea", "Practice feedback", "Validated scale");
		assertThat(home).contains("href=\"/app/instruments\"");
	}

	private ResultActions importAsAdmin(String questionnaire) throws Exception {
		return mvc.perform(post("/app/instruments/import").param("questionnaire", questionnaire)
			.with(csrf())
			.with(practice.as(practice.adminEmail())));
	}

	private String questionnaireOf(InstrumentDefinition definition) {
		return json.write(mapper.toQuestionnaire(definition));
	}

	private int storedRows() {
		return jdbc.sql("select count(*) from practice_instrument where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single();
	}

	private List<String> auditedActions() {
		return jdbc.sql("select action from audit_event where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list();
	}

}
