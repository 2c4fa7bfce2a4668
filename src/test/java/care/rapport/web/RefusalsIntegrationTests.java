package care.rapport.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One vocabulary for refusals: what a person sees when Rapport will not do what they asked, in a
 * page, a form and a JSON answer.
 */
@IntegrationTest
@AutoConfigureMockMvc
class RefusalsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Appointments appointments;

	@Autowired
	care.rapport.clients.Clients clients;

	@Autowired
	care.rapport.identity.Accounts accounts;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void aMalformedIdInThePathAnswersTheNotFoundPageNotABareBadRequest() throws Exception {
		MvcResult result = mvc.perform(get("/app/clients/not-a-uuid").with(practice.as(practice.therapistAEmail())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(errorPage(result)).contains("Not found", "not yours to see");
	}

	@Test
	void anotherTherapistsClientAnswersTheSameNotFoundPage() throws Exception {
		MvcResult result = mvc
			.perform(get("/app/clients/" + practice.clientOfB()).with(practice.as(practice.therapistAEmail())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(errorPage(result)).contains("Not found");
	}

	@Test
	void aMalformedNumberInAFormComesBackInTheFormWithAMessageAtItsField() throws Exception {
		MvcResult result = mvc.perform(post("/app/appointment-types").with(csrf())
			.with(practice.as(practice.adminEmail()))
			.param("name", "Couples intake")
			.param("minutes", "fifty")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("value=\"Couples intake\"", "value=\"fifty\"", "id=\"minutes-error\"",
				"\u201cfifty\u201d is not a number", "Nothing was saved", "aria-invalid=\"true\"");
	}

	@Test
	void aTypedRefusalIsShownNextToItsFieldWithTheTextKept() throws Exception {
		String tooLong = "I want to sleep better ".repeat(30);
		MvcResult result = mvc.perform(post("/app/clients/" + practice.clientOfA() + "/goals/proposals").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("text", tooLong)
			.param("key", UUID.randomUUID().toString())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("Please keep it to 500 characters",
				tooLong.strip());
	}

	@Test
	void aJsonRequestForSomethingNotTheirsGetsAProblemDetailWithItsCode() throws Exception {
		// The note autosave of another therapist's client: what static/js/notes.js sends.
		MvcResult result = mvc.perform(post("/app/clients/" + practice.clientOfB() + "/appointments/"
				+ UUID.randomUUID() + "/note").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.header("X-Autosave", "true")
			.header("Accept", "application/json")
			.param("template", "SOAP")
			.param("section.subjective", "Typed")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"NOT_FOUND\"", "\"status\":404",
				"\"saved\":false", "\"stop\":true");
	}

	@Test
	void aJsonInputRefusalNamesItsCodeAndFieldAndLetsTheScriptTryAgain() throws Exception {
		AppointmentId session = appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(),
				Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES), Duration.ofMinutes(50));
		appointments.attend(practice.practice().id(), session);
		MvcResult result = mvc.perform(post("/app/clients/" + practice.clientOfA() + "/appointments/" + session
				+ "/note").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.header("X-Autosave", "true")
			.header("Accept", "application/json")
			.param("template", "SOAP")
			.param("version", "0")
			.param("section.subjective", "x".repeat(20_001))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"INVALID\"",
				"\"field\":\"section.subjective\"", "\"stop\":false");
	}

	@Test
	void aMalformedNumberInAQuerySaysWhatWasWrongInPlainWords() throws Exception {
		MvcResult result = mvc.perform(get("/app/audit").param("page", "two").with(practice.as(practice.adminEmail())))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(errorPage(result)).contains("\u201ctwo\u201d could not be read as a number for \u201cpage\u201d");
	}

	@Test
	void theCareTeamIsOneRuleAndASupervisorJoinsItBySupervising() throws Exception {
		// Therapist A is no one's supervisor: therapist B's client does not exist for A.
		String progressOfB = "/app/clients/" + practice.clientOfB() + "/progress";
		assertThat(status(get(progressOfB), practice.therapistAEmail())).isEqualTo(404);
		assertThat(clients.isOnCareTeam(practice.user(practice.therapistAEmail()), practice.clientOfB())).isFalse();

		accounts.superviseBy(practice.practice().id(), practice.user(practice.therapistAEmail()).id(),
				practice.user(practice.therapistBEmail()).id());

		assertThat(clients.isOnCareTeam(practice.user(practice.therapistAEmail()), practice.clientOfB())).isTrue();
		assertThat(status(get(progressOfB), practice.therapistAEmail())).isEqualTo(200);
		// The admin administers the record but is on no care team: clinical pages stay 404.
		assertThat(clients.administers(practice.user(practice.adminEmail()), practice.clientOfB())).isTrue();
		assertThat(status(get(progressOfB), practice.adminEmail())).isEqualTo(404);
	}

	@Test
	void aLinkThatNamesNothingSaysWhatToDoForInvitationsQuestionnairesAndSignUps() throws Exception {
		for (String link : new String[] { "/invitations/not-a-token", "/respond/not-a-token",
				"/signup/confirm/not-a-token" }) {
			MvcResult result = mvc.perform(get(link)).andReturn();
			assertThat(result.getResponse().getStatus()).as(link).isEqualTo(404);
			assertThat(errorPage(result)).as(link)
				.contains("Not found", "This link is not valid", "Ask whoever sent it for a new one");
		}
	}

	@Test
	void aRecordOfAnotherPracticeStillAnswersTheSameWordsAsAnyUnknownRecord() throws Exception {
		MvcResult result = mvc.perform(post("/me/consent/" + UUID.randomUUID() + "/sign").with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("typedName", "Anyone")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(errorPage(result)).contains("There is nothing here, or it is not yours to see")
			.doesNotContain("no such document");
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String email) throws Exception {
		return mvc.perform(request.with(practice.as(email))).andReturn().getResponse().getStatus();
	}

	/** The error page as a browser gets it: MockMvc does not forward to /error, so ask for it as Tomcat would. */
	private String errorPage(MvcResult result) throws Exception {
		if (!result.getResponse().getContentAsString().isBlank()) {
			return result.getResponse().getContentAsString();
		}
		var request = get("/error").accept(MediaType.TEXT_HTML).with(practice.as(practice.therapistAEmail()))
			.requestAttr("jakarta.servlet.error.status_code", result.getResponse().getStatus())
			.requestAttr("jakarta.servlet.error.request_uri", result.getRequest().getRequestURI());
		Object message = result.getRequest().getAttribute(Refusals.MESSAGE);
		if (message != null) {
			request.requestAttr(Refusals.MESSAGE, message);
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
