package care.rapport.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who may reach what: every endpoint against every kind of person, with objects of the same
 * therapist, another therapist and another practice. An endpoint without a row fails the build.
 * Another practice's or another therapist's object answers 404, never 403: it does not exist for them.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

	enum Who {

		ANONYMOUS, CLIENT, THERAPIST, OTHER_THERAPIST, SUPERVISOR, ADMIN, OTHER_PRACTICE_ADMIN

	}

	/** Who gets which status; people not listed get {@code otherwise}. */
	record Row(String method, String pattern, Function<AccessMatrixIntegrationTests, String> url, int otherwise,
			Map<Who, Integer> expected) {

		int expectedFor(Who who) {
			return expected.getOrDefault(who, otherwise);
		}

	}

	static final int OK = 200;

	static final int LOGIN = 302;

	static final int FORBIDDEN = 403;

	static final int NOT_FOUND = 404;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	TestPractice practice;

	TestPractice otherPractice;

	care.rapport.scheduling.AppointmentId appointmentOfA;

	care.rapport.scheduling.AppointmentId appointmentOfB;

	care.rapport.scheduling.AppointmentId appointmentOfOtherPractice;

	java.util.UUID measureOfA;

	java.util.UUID measureOfB;

	care.rapport.feedback.AlertId alertOfA;

	PracticeObjects objects;

	@BeforeAll
	void practices() {
		practice = TestPractice.create(context);
		otherPractice = TestPractice.create(context);
		objects = new PracticeObjects(context, practice);
		appointmentOfA = context.getBean(care.rapport.scheduling.Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					java.time.Instant.now().plusSeconds(86_400), java.time.Duration.ofMinutes(50));
		appointmentOfB = context.getBean(care.rapport.scheduling.Appointments.class)
			.book(practice.practice().id(), practice.clientOfB(), practice.user(practice.therapistBEmail()).id(),
					java.time.Instant.now().plusSeconds(86_400), java.time.Duration.ofMinutes(50));
		appointmentOfOtherPractice = context.getBean(care.rapport.scheduling.Appointments.class)
			.book(otherPractice.practice().id(), otherPractice.clientOfA(),
					otherPractice.user(otherPractice.therapistAEmail()).id(), java.time.Instant.now().plusSeconds(86_400),
					java.time.Duration.ofMinutes(50));
		var administrations = context.getBean(care.rapport.measures.Administrations.class);
		measureOfA = administrations.due(practice.practice().id(), practice.clientOfA()).get(0).id().value();
		measureOfB = administrations.due(practice.practice().id(), practice.clientOfB()).get(0).id().value();
		alertOfA = context.getBean(care.rapport.feedback.Alerts.class)
			.raise(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					new care.rapport.feedback.AlertCandidate(care.rapport.feedback.AlertType.ALLIANCE,
							care.rapport.feedback.AlertSeverity.MEDIUM, null, 1, java.time.Instant.now(),
							"Check-in 7.5, below 9"),
					null)
			.orElseThrow();
	}

	static Map<Who, Integer> staffOnly(int staff) {
		var map = new EnumMap<Who, Integer>(Who.class);
		map.put(Who.ANONYMOUS, LOGIN);
		map.put(Who.CLIENT, FORBIDDEN);
		for (Who who : List.of(Who.THERAPIST, Who.OTHER_THERAPIST, Who.SUPERVISOR, Who.ADMIN, Who.OTHER_PRACTICE_ADMIN)) {
			map.put(who, staff);
		}
		return map;
	}

	static Map<Who, Integer> with(Map<Who, Integer> base, Object... overrides) {
		var map = new EnumMap<Who, Integer>(Who.class);
		map.putAll(base);
		for (int i = 0; i < overrides.length; i += 2) {
			map.put((Who) overrides[i], (Integer) overrides[i + 1]);
		}
		return map;
	}

	static final Map<Who, Integer> PUBLIC = Map.of();

	static final Map<Who, Integer> SIGNED_IN = Map.of(Who.ANONYMOUS, LOGIN);

	static final Map<Who, Integer> CLIENT_ONLY = Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, OK);

	static final Map<Who, Integer> ADMIN_ONLY = with(staffOnly(NOT_FOUND), Who.ADMIN, OK, Who.OTHER_PRACTICE_ADMIN, OK);

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("GET", "/", t -> "/", LOGIN, Map.of(Who.ANONYMOUS, OK)));
		rows.add(new Row("GET", "/login", t -> "/login", LOGIN, Map.of(Who.ANONYMOUS, OK)));
		rows.add(new Row("GET", "/signup", t -> "/signup", OK, PUBLIC));
		rows.add(new Row("POST", "/signup", t -> "/signup", OK, PUBLIC));
		rows.add(new Row("GET", "/invitations/{token}", t -> "/invitations/not-a-token", NOT_FOUND, PUBLIC));
		rows.add(new Row("POST", "/invitations/{token}", t -> "/invitations/not-a-token", NOT_FOUND, PUBLIC));
		rows.add(new Row("POST", "/invitations/{token}/renew", t -> "/invitations/not-a-token/renew", NOT_FOUND,
				PUBLIC));
		rows.add(new Row("GET", "/invitations/{token}/sign-in", t -> "/invitations/not-a-token/sign-in", NOT_FOUND,
				PUBLIC));
		rows.add(new Row("POST", "/invitations/{token}/join", t -> "/invitations/not-a-token/join", NOT_FOUND,
				PUBLIC));
		rows.add(new Row("GET", "/invitations/{token}/joined", t -> "/invitations/not-a-token/joined", NOT_FOUND,
				PUBLIC));
		rows.add(new Row("POST", "/invitations/{token}/decline", t -> "/invitations/not-a-token/decline", NOT_FOUND,
				PUBLIC));
		rows.add(new Row("GET", "/signup/confirm/{token}", t -> "/signup/confirm/not-a-token", NOT_FOUND, PUBLIC));
		rows.add(new Row("POST", "/signup/confirm/{token}", t -> "/signup/confirm/not-a-token", NOT_FOUND, PUBLIC));
		// Only someone half-way through sign-in may use these; everyone else is refused or sent to sign in.
		for (String[] mfa : new String[][] { { "GET", "/login/mfa" }, { "POST", "/login/mfa" },
				{ "POST", "/login/mfa/recovery" }, { "GET", "/login/mfa/setup" }, { "POST", "/login/mfa/setup" } }) {
			rows.add(new Row(mfa[0], mfa[1], t -> mfa[1], FORBIDDEN, Map.of(Who.ANONYMOUS, LOGIN)));
		}
		rows.add(new Row("GET", "/account/security", t -> "/account/security", OK, SIGNED_IN));
		rows.add(new Row("POST", "/account/password", t -> "/account/password", OK, SIGNED_IN));
		rows.add(new Row("GET", "/account/mfa/setup", t -> "/account/mfa/setup", OK, SIGNED_IN));
		rows.add(new Row("POST", "/account/mfa/setup", t -> "/account/mfa/setup", LOGIN, Map.of()));
		rows.add(new Row("POST", "/account/mfa/recovery-codes", t -> "/account/mfa/recovery-codes", OK, SIGNED_IN));
		rows.add(new Row("GET", "/app", t -> "/app", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/team", t -> "/app/team", OK, ADMIN_ONLY));
		rows.add(new Row("POST", "/app/team/invitations", t -> "/app/team/invitations", OK, ADMIN_ONLY));
		rows.add(new Row("GET", "/app/audit", t -> "/app/audit", OK, ADMIN_ONLY));
		// Anchors the admin's own practice's trail; there is no id to aim at another practice.
		rows.add(new Row("POST", "/app/audit/checkpoint", t -> "/app/audit/checkpoint", OK,
				with(ADMIN_ONLY, Who.ADMIN, 302, Who.OTHER_PRACTICE_ADMIN, 302)));
		rows.add(new Row("GET", "/app/practice", t -> "/app/practice", OK, ADMIN_ONLY));
		rows.add(new Row("GET", "/app/appointment-types", t -> "/app/appointment-types", OK, ADMIN_ONLY));
		rows.add(new Row("POST", "/app/appointment-types", t -> "/app/appointment-types", OK, ADMIN_ONLY));
		// Retiring a kind of session that is not the practice's (or not there) changes nothing and says so: 404.
		rows.add(new Row("POST", "/app/appointment-types/{id}/retire",
				t -> "/app/appointment-types/" + java.util.UUID.randomUUID() + "/retire", NOT_FOUND,
				staffOnly(NOT_FOUND)));
		rows.add(new Row("POST", "/app/appointment-types/{id}/retire",
				t -> "/app/appointment-types/" + t.objects.appointmentType() + "/retire", NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.ADMIN, 302)));
		rows.add(new Row("POST", "/app/practice/crisis-lines", t -> "/app/practice/crisis-lines?lines=Bad", OK,
				ADMIN_ONLY));
		rows.add(new Row("GET", "/app/outbox", t -> "/app/outbox", OK, staffOnly(OK)));
		// Instruments: every staff member may see and export them; only admins import.
		rows.add(new Row("GET", "/app/instruments", t -> "/app/instruments", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/instruments/{code}/questionnaire.json",
				t -> "/app/instruments/PHQ-9/questionnaire.json", OK, staffOnly(OK)));
		rows.add(new Row("POST", "/app/instruments/import", t -> "/app/instruments/import", OK, ADMIN_ONLY));
		rows.add(new Row("GET", "/app/imports", t -> "/app/imports", OK, ADMIN_ONLY));
		rows.add(new Row("POST", "/app/imports", t -> "/app/imports", OK, ADMIN_ONLY));
		rows.add(new Row("GET", "/app/alerts/settings", t -> "/app/alerts/settings", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/clients", t -> "/app/clients", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/clients/new", t -> "/app/clients/new", OK, staffOnly(OK)));
		rows.add(new Row("POST", "/app/clients", t -> "/app/clients", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/clients/{id}", t -> "/app/clients/" + t.practice.clientOfA(), OK,
				with(staffOnly(OK), Who.OTHER_THERAPIST, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN, NOT_FOUND)));
		rows.add(new Row("GET", "/app/clients/{id}", t -> "/app/clients/" + t.practice.clientOfB(), OK,
				with(staffOnly(OK), Who.THERAPIST, NOT_FOUND, Who.SUPERVISOR, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN,
						NOT_FOUND)));
		rows.add(new Row("GET", "/app/clients/{id}", t -> "/app/clients/" + t.otherPractice.clientOfA(), NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.OTHER_PRACTICE_ADMIN, OK)));
		rows.add(new Row("GET", "/app/clients/{id}/edit", t -> "/app/clients/" + t.practice.clientOfA() + "/edit", OK,
				with(staffOnly(OK), Who.OTHER_THERAPIST, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN, NOT_FOUND)));
		rows.add(new Row("POST", "/app/clients/{id}/edit", t -> "/app/clients/" + t.practice.clientOfA() + "/edit", OK,
				with(staffOnly(OK), Who.OTHER_THERAPIST, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN, NOT_FOUND)));
		rows.add(new Row("POST", "/app/clients/{id}/episode/close",
				t -> "/app/clients/" + t.practice.clientOfB() + "/episode/close", OK,
				with(staffOnly(NOT_FOUND), Who.OTHER_THERAPIST, OK)));
		// Scheduling is administration: admins of the practice may book; other therapists and practices may not.
		var clientOfAOnly = with(staffOnly(OK), Who.OTHER_THERAPIST, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN, NOT_FOUND);
		rows.add(new Row("GET", "/app/clients/{id}/sessions", t -> "/app/clients/" + t.practice.clientOfA() + "/sessions",
				OK, clientOfAOnly));
		rows.add(new Row("POST", "/app/clients/{id}/appointments",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments", OK, clientOfAOnly));
		// Attendance: each transition of client A's (future) session is refused with a redirect for the care
		// team and admins, and is not there (404) for another therapist, another practice, or with another
		// therapist's or practice's session under client A.
		for (String transition : List.of("attend", "no-show", "late-cancel", "reinstate")) {
			String pattern = "/app/clients/{id}/appointments/{appointmentId}/" + transition;
			rows.add(new Row("POST", pattern,
					t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfA + "/" + transition,
					LOGIN, with(clientOfAOnly, Who.THERAPIST, 302, Who.SUPERVISOR, 302, Who.ADMIN, 302)));
			rows.add(new Row("POST", pattern,
					t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfB + "/" + transition,
					LOGIN, staffOnly(NOT_FOUND)));
			rows.add(new Row("POST", pattern,
					t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfOtherPractice + "/"
							+ transition,
					LOGIN, staffOnly(NOT_FOUND)));
		}
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/cancel",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfOtherPractice + "/cancel",
				LOGIN, staffOnly(NOT_FOUND)));
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/telehealth",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfB + "/telehealth",
				LOGIN, staffOnly(NOT_FOUND)));
		// Questionnaires: a client answers only their own.
		rows.add(new Row("GET", "/me/measures", t -> "/me/measures", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/measures/{id}", t -> "/me/measures/" + t.measureOfA, FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/measures/{id}", t -> "/me/measures/" + t.measureOfB, FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND)));
		rows.add(new Row("POST", "/me/measures/{id}", t -> "/me/measures/" + t.measureOfB, FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND)));
		rows.add(new Row("POST", "/me/measures/{id}", t -> "/me/measures/" + t.measureOfA, FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/measures/{id}/thanks", t -> "/me/measures/" + t.measureOfB + "/thanks", FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND)));
		rows.add(new Row("POST", "/me/measures/{id}/decline", t -> "/me/measures/" + t.measureOfB + "/decline",
				FORBIDDEN, Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND)));
		// Clinical pages: the care team only (therapist, supervisor), never admins or other therapists.
		var careTeam = with(staffOnly(NOT_FOUND), Who.THERAPIST, OK, Who.SUPERVISOR, OK);
		rows.add(new Row("GET", "/app/clients/{id}/progress", t -> "/app/clients/" + t.practice.clientOfA() + "/progress",
				OK, careTeam));
		rows.add(new Row("POST", "/app/clients/{id}/check-in-visibility",
				t -> "/app/clients/" + t.practice.clientOfA() + "/check-in-visibility?visible=true", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, 302)));
		rows.add(new Row("GET", "/app/clients/{id}/paper/{code}",
				t -> "/app/clients/" + t.practice.clientOfA() + "/paper/PHQ-9", OK, careTeam));
		rows.add(new Row("POST", "/app/clients/{id}/paper/{code}",
				t -> "/app/clients/" + t.practice.clientOfA() + "/paper/PHQ-9", OK, careTeam));
		rows.add(new Row("GET", "/app/clients/{id}/plan", t -> "/app/clients/" + t.practice.clientOfA() + "/plan", OK,
				careTeam));
		rows.add(new Row("POST", "/app/clients/{id}/plan",
				t -> "/app/clients/" + t.practice.clientOfA() + "/plan?timing.PHQ-9=BEFORE_SESSION", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, 302)));
		rows.add(new Row("GET", "/me/progress", t -> "/me/progress", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/app/clients/{id}/measures/{administrationId}/link",
				t -> "/app/clients/" + t.practice.clientOfA() + "/measures/" + t.measureOfB + "/link", NOT_FOUND,
				with(staffOnly(NOT_FOUND))));
		rows.add(new Row("GET", "/respond/{token}", t -> "/respond/not-a-token", NOT_FOUND, PUBLIC));
		rows.add(new Row("POST", "/respond/{token}", t -> "/respond/not-a-token", NOT_FOUND, PUBLIC));
		rows.add(new Row("GET", "/app/alerts", t -> "/app/alerts", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/caseload", t -> "/app/caseload", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/schedule", t -> "/app/schedule", OK, staffOnly(OK)));
		rows.add(new Row("POST", "/app/schedule/feed", t -> "/app/schedule/feed", OK, staffOnly(302)));
		rows.add(new Row("GET", "/app/availability", t -> "/app/availability", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/availability", t -> "/app/availability?therapist=" + t.practice.user(t.practice.therapistAEmail()).id(),
				NOT_FOUND, with(staffOnly(NOT_FOUND), Who.THERAPIST, OK, Who.ADMIN, OK)));
		rows.add(new Row("POST", "/app/availability/windows", t -> "/app/availability/windows", OK, staffOnly(302)));
		rows.add(new Row("POST", "/app/availability/windows/remove", t -> "/app/availability/windows/remove?day=MONDAY&starts=06:00",
				OK, staffOnly(302)));
		rows.add(new Row("POST", "/app/availability/days-off", t -> "/app/availability/days-off", OK, staffOnly(302)));
		rows.add(new Row("GET", "/calendar/{token}.ics", t -> "/calendar/not-a-token.ics", NOT_FOUND, PUBLIC));
		rows.add(new Row("GET", "/me/appointments/{id}.ics", t -> "/me/appointments/" + t.appointmentOfA + ".ics",
				FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/app/schedule", t -> "/app/schedule?therapist=" + t.practice.user(t.practice.therapistAEmail()).id(),
				NOT_FOUND, with(staffOnly(NOT_FOUND), Who.THERAPIST, OK, Who.ADMIN, OK)));
		// The calendar grid's JSON: own calendar for every staff member, another's only for an admin of the practice.
		rows.add(new Row("GET", "/app/schedule/events", t -> "/app/schedule/events?start=2030-01-07&end=2030-01-14",
				OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/schedule/events",
				t -> "/app/schedule/events?start=2030-01-07&end=2030-01-14&therapist="
						+ t.practice.user(t.practice.therapistAEmail()).id(),
				NOT_FOUND, with(staffOnly(NOT_FOUND), Who.THERAPIST, OK, Who.ADMIN, OK)));
		rows.add(new Row("GET", "/app/schedule/events",
				t -> "/app/schedule/events?start=2030-01-07&end=2030-01-14&therapist="
						+ t.otherPractice.user(t.otherPractice.therapistAEmail()).id(),
				NOT_FOUND, with(staffOnly(NOT_FOUND), Who.OTHER_PRACTICE_ADMIN, OK)));
		// Moving: no start given, so whoever may move it gets 400 and nothing changes; everyone else 404.
		rows.add(new Row("POST", "/app/schedule/events/{appointmentId}/move",
				t -> "/app/schedule/events/" + t.appointmentOfA + "/move", NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.THERAPIST, 400, Who.ADMIN, 400)));
		rows.add(new Row("POST", "/app/schedule/events/{appointmentId}/move",
				t -> "/app/schedule/events/" + t.appointmentOfB + "/move", NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.OTHER_THERAPIST, 400, Who.ADMIN, 400)));
		rows.add(new Row("POST", "/app/schedule/events/{appointmentId}/move",
				t -> "/app/schedule/events/" + t.appointmentOfOtherPractice + "/move", NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.OTHER_PRACTICE_ADMIN, 400)));
		rows.add(new Row("GET", "/app/schedule/book",
				t -> "/app/schedule/book?date=2030-01-07&time=10:00&client=" + t.practice.clientOfA(), NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.THERAPIST, 302, Who.SUPERVISOR, 302, Who.ADMIN, 302)));
		rows.add(new Row("GET", "/app/schedule/book",
				t -> "/app/schedule/book?date=2030-01-07&time=10:00&client=" + t.otherPractice.clientOfA(), NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.OTHER_PRACTICE_ADMIN, 302)));
		rows.add(new Row("GET", "/app/outcomes", t -> "/app/outcomes", OK, staffOnly(OK)));
		rows.add(new Row("POST", "/app/alerts/{id}/acknowledge", t -> "/app/alerts/" + t.alertOfA + "/acknowledge",
				OK, careTeam));
		rows.add(new Row("POST", "/app/alerts/{id}/resolve", t -> "/app/alerts/" + t.alertOfA + "/resolve", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, 302)));
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/telehealth",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfA + "/telehealth?url=bad",
				LOGIN, with(clientOfAOnly, Who.THERAPIST, 302, Who.SUPERVISOR, 302, Who.ADMIN, 302)));
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/cancel",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfA + "/cancel", LOGIN,
				with(clientOfAOnly, Who.THERAPIST, 302, Who.SUPERVISOR, 302, Who.ADMIN, 302)));
		rows.add(new Row("GET", "/me", t -> "/me", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/access-history", t -> "/me/access-history", FORBIDDEN, CLIENT_ONLY));
		// Consent: a client signs and withdraws only their own, and only their practice's documents.
		rows.add(new Row("GET", "/me/consent", t -> "/me/consent", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/consent/{documentId}/sign",
				t -> "/me/consent/" + t.consentDocument(t.practice) + "/sign", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/consent/{documentId}/sign",
				t -> "/me/consent/" + t.consentDocument(t.otherPractice) + "/sign", FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND)));
		rows.add(new Row("POST", "/me/consent/{kind}/withdraw", t -> "/me/consent/MESSAGING/withdraw", FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, 302)));
		// A client's consent status is administrative: the therapist, supervisor and admin see it; each view audited.
		rows.add(new Row("GET", "/app/clients/{id}/consent", t -> "/app/clients/" + t.practice.clientOfA() + "/consent",
				OK, with(staffOnly(OK), Who.OTHER_THERAPIST, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN, NOT_FOUND)));
		rows.add(new Row("GET", "/app/clients/{id}/consent", t -> "/app/clients/" + t.practice.clientOfB() + "/consent",
				OK, with(staffOnly(OK), Who.THERAPIST, NOT_FOUND, Who.SUPERVISOR, NOT_FOUND, Who.OTHER_PRACTICE_ADMIN,
						NOT_FOUND)));
		rows.add(new Row("GET", "/app/clients/{id}/consent",
				t -> "/app/clients/" + t.otherPractice.clientOfA() + "/consent", NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.OTHER_PRACTICE_ADMIN, OK)));
		rows.add(new Row("GET", "/app/consent-documents", t -> "/app/consent-documents", OK, ADMIN_ONLY));
		rows.add(new Row("POST", "/app/consent-documents/{kind}", t -> "/app/consent-documents/TREATMENT", OK,
				ADMIN_ONLY));
		// Goals, commitments, coping plan: a client acts on their own only; staff pages are the care team's.
		var ofClientB = Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, NOT_FOUND);
		rows.add(new Row("GET", "/me/goals", t -> "/me/goals", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/goals", t -> "/me/goals", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/goals/{goalId}/rating", t -> "/me/goals/" + t.goal(t.practice.clientOfA())
				+ "/rating?rating=5", FORBIDDEN, Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, 302)));
		rows.add(new Row("POST", "/me/goals/{goalId}/rating", t -> "/me/goals/" + t.goal(t.practice.clientOfB())
				+ "/rating?rating=5", FORBIDDEN, ofClientB));
		rows.add(new Row("POST", "/me/goals/{goalId}/accept", t -> "/me/goals/" + t.goal(t.practice.clientOfB())
				+ "/accept", FORBIDDEN, ofClientB));
		rows.add(new Row("POST", "/me/goals/{goalId}/status", t -> "/me/goals/" + t.goal(t.practice.clientOfB())
				+ "/status?status=SET_ASIDE", FORBIDDEN, ofClientB));
		rows.add(new Row("POST", "/me/commitments", t -> "/me/commitments", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/commitments/{commitmentId}/outcome",
				t -> "/me/commitments/" + t.commitment(t.practice.clientOfB()) + "/outcome?outcome=DONE", FORBIDDEN,
				ofClientB));
		rows.add(new Row("GET", "/me/coping-plan", t -> "/me/coping-plan", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/coping-plan", t -> "/me/coping-plan", FORBIDDEN,
				Map.of(Who.ANONYMOUS, LOGIN, Who.CLIENT, 302)));
		rows.add(new Row("GET", "/app/clients/{id}/goals", t -> "/app/clients/" + t.practice.clientOfA() + "/goals", OK,
				careTeam));
		rows.add(new Row("GET", "/app/clients/{id}/goals",
				t -> "/app/clients/" + t.otherPractice.clientOfA() + "/goals", NOT_FOUND, staffOnly(NOT_FOUND)));
		rows.add(new Row("POST", "/app/clients/{id}/goals/proposals",
				t -> "/app/clients/" + t.practice.clientOfA() + "/goals/proposals", OK, careTeam));
		rows.add(new Row("POST", "/app/clients/{id}/commitments",
				t -> "/app/clients/" + t.practice.clientOfA() + "/commitments", OK, careTeam));
		rows.add(new Row("POST", "/app/clients/{id}/commitments/{commitmentId}/outcome",
				t -> "/app/clients/" + t.practice.clientOfA() + "/commitments/" + t.commitment(t.practice.clientOfB())
						+ "/outcome?outcome=DONE",
				NOT_FOUND, staffOnly(NOT_FOUND)));
		// Session requests: a client asks and withdraws their own; their therapist or an admin answers.
		rows.add(new Row("GET", "/me/sessions", t -> "/me/sessions", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/sessions/requests",
				t -> "/me/sessions/requests?slot=not-a-time&key=" + java.util.UUID.randomUUID(), FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/sessions/requests/{id}/withdraw",
				t -> "/me/sessions/requests/" + t.sessionRequest(t.practice.clientBEmail()) + "/withdraw", FORBIDDEN,
				ofClientB));
		rows.add(new Row("GET", "/app/requests", t -> "/app/requests", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/requests",
				t -> "/app/requests?therapist=" + t.practice.user(t.practice.therapistAEmail()).id(), NOT_FOUND,
				with(staffOnly(NOT_FOUND), Who.THERAPIST, OK, Who.ADMIN, OK)));
		var answeredByTherapistAOrAdmin = with(staffOnly(NOT_FOUND), Who.THERAPIST, 302, Who.ADMIN, 302);
		rows.add(new Row("POST", "/app/requests/{id}/accept",
				t -> "/app/requests/" + t.sessionRequest(t.practice.clientAEmail()) + "/accept", NOT_FOUND,
				answeredByTherapistAOrAdmin));
		rows.add(new Row("POST", "/app/requests/{id}/decline",
				t -> "/app/requests/" + t.sessionRequest(t.practice.clientAEmail()) + "/decline", NOT_FOUND,
				answeredByTherapistAOrAdmin));
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/reschedule",
				t -> "/app/clients/" + t.practice.clientOfA() + "/appointments/" + t.appointmentOfA + "/reschedule",
				LOGIN, with(clientOfAOnly, Who.THERAPIST, 302, Who.SUPERVISOR, 302, Who.ADMIN, 302)));
		// Messages: a client reads, writes and downloads in their own thread only; a staff thread is the care
		// team's (the supervisor reads, only the therapist writes and switches); admins never see messages.
		rows.add(new Row("GET", "/me/messages", t -> "/me/messages", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("POST", "/me/messages", t -> "/me/messages", FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/messages/attachments/{attachmentId}",
				t -> "/me/messages/attachments/" + t.attachment(t.practice.clientOfA()), FORBIDDEN, CLIENT_ONLY));
		rows.add(new Row("GET", "/me/messages/attachments/{attachmentId}",
				t -> "/me/messages/attachments/" + t.attachment(t.practice.clientOfB()), FORBIDDEN, ofClientB));
		rows.add(new Row("GET", "/app/messages", t -> "/app/messages", OK, staffOnly(OK)));
		rows.add(new Row("POST", "/app/messages/reply-time", t -> "/app/messages/reply-time?days=2", FORBIDDEN,
				with(staffOnly(FORBIDDEN), Who.THERAPIST, 302, Who.OTHER_THERAPIST, 302)));
		rows.add(new Row("GET", "/app/clients/{id}/messages", t -> "/app/clients/" + t.practice.clientOfA() + "/messages",
				OK, careTeam));
		rows.add(new Row("GET", "/app/clients/{id}/messages",
				t -> "/app/clients/" + t.otherPractice.clientOfA() + "/messages", NOT_FOUND, staffOnly(NOT_FOUND)));
		rows.add(new Row("POST", "/app/clients/{id}/messages",
				t -> "/app/clients/" + t.practice.clientOfA() + "/messages", OK, with(careTeam, Who.SUPERVISOR, FORBIDDEN)));
		rows.add(new Row("POST", "/app/clients/{id}/messages/switch",
				t -> "/app/clients/" + t.practice.clientOfA() + "/messages/switch?on=true", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, FORBIDDEN)));
		rows.add(new Row("GET", "/app/clients/{id}/messages/attachments/{attachmentId}",
				t -> "/app/clients/" + t.practice.clientOfA() + "/messages/attachments/" + t.attachment(t.practice.clientOfA()),
				OK, careTeam));
		rows.add(new Row("GET", "/app/clients/{id}/messages/attachments/{attachmentId}",
				t -> "/app/clients/" + t.practice.clientOfB() + "/messages/attachments/" + t.attachment(t.practice.clientOfA()),
				NOT_FOUND, staffOnly(NOT_FOUND)));
		// Session notes: the care team reads; only the session's therapist writes; only the supervisor co-signs;
		// the psychotherapy note exists for its author alone. Admins and other therapists find nothing.
		String note = "/app/clients/{id}/appointments/{appointmentId}/note";
		rows.add(new Row("GET", note, t -> t.notePath("read", NoteFixture.SIGNED), OK, careTeam));
		rows.add(new Row("GET", note, t -> t.notePath("other practice", NoteFixture.OTHER_PRACTICE), NOT_FOUND,
				staffOnly(NOT_FOUND)));
		rows.add(new Row("GET", note, t -> t.notePathOfB(), OK, with(staffOnly(NOT_FOUND), Who.OTHER_THERAPIST, OK)));
		rows.add(new Row("POST", note, t -> t.notePath("draft", NoteFixture.NONE)
				+ "?template=FREE_TEXT&version=0&section.text=Matrix", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, FORBIDDEN)));
		rows.add(new Row("POST", note + "/sign", t -> t.notePath("sign", NoteFixture.NONE)
				+ "/sign?template=FREE_TEXT&section.text=Matrix", OK,
				with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, FORBIDDEN)));
		rows.add(new Row("POST", note + "/addenda", t -> t.notePath("addenda", NoteFixture.SIGNED)
				+ "/addenda?text=Matrix", OK, with(careTeam, Who.THERAPIST, 302, Who.SUPERVISOR, 302)));
		rows.add(new Row("POST", note + "/cosign",
				t -> t.notePath("cosign", NoteFixture.SIGNED) + "/cosign?hash=" + t.noteHash("cosign"), OK,
				with(careTeam, Who.THERAPIST, FORBIDDEN, Who.SUPERVISOR, 302)));
		rows.add(new Row("POST", "/app/clients/{id}/appointments/{appointmentId}/psychotherapy-note",
				t -> t.notePath("private", NoteFixture.NONE).replace("/note", "/psychotherapy-note") + "?text=Private",
				OK, with(staffOnly(NOT_FOUND), Who.THERAPIST, 302)));
		rows.add(new Row("GET", "/app/notes", t -> "/app/notes", OK, staffOnly(OK)));
		rows.add(new Row("GET", "/app/notes/cosign", t -> "/app/notes/cosign", OK, staffOnly(OK)));
		rows.add(new Row("*", "/error/forbidden", t -> "/error/forbidden", FORBIDDEN, PUBLIC));
		return rows;
	}

	/** Endpoints that are not the application's own pages. */
	static final Set<String> FRAMEWORK = Set.of("* /error");

	@Test
	void everyEndpointHasARowInTheMatrix() {
		Set<String> covered = new TreeSet<>();
		rows().forEach(row -> covered.add(row.method() + " " + row.pattern()));
		Set<String> endpoints = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add("* " + pattern);
				}
				methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
			}
		});
		endpoints.removeAll(FRAMEWORK);
		assertThat(covered).as("endpoints without a row in the access matrix").containsAll(endpoints);
	}

	@Test
	void everyoneGetsExactlyWhatTheMatrixSays() throws Exception {
		List<String> mismatches = new ArrayList<>();
		for (Row row : rows()) {
			for (Who who : Who.values()) {
				String url = row.url().apply(this);
				var response = mvc.perform(request(row.method(), url, who)).andReturn().getResponse();
				int status = response.getStatus();
				if (status != row.expectedFor(who)) {
					mismatches.add("%s %s as %s: expected %d, got %d".formatted(row.method(), url, who,
							row.expectedFor(who), status));
				}
				else if (status == LOGIN && !redirectsWhereTheMatrixSays(row, who, response.getRedirectedUrl())) {
					mismatches.add("%s %s as %s: expected a redirect to %s, got one to %s".formatted(row.method(), url,
							who, redirectTarget(row, who), response.getRedirectedUrl()));
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	static final String ID = "[0-9a-f-]{36}";

	/**
	 * Where each 302 for a signed-in person goes, by "METHOD pattern" (or "METHOD pattern as WHO" for
	 * one person): a regex for the whole Location, without scheme and host. Anonymous people are always
	 * sent to /login. A row with a 302 for a signed-in person and no target here fails the build.
	 */
	static Map<String, String> redirectTargets() {
		String client = "/app/clients/" + ID;
		String note = client + "/appointments/" + ID + "/note";
		// Changes to a session go back to its row on the sessions page.
		String sessionRow = client + "/sessions#session-" + ID;
		return Map.ofEntries(Map.entry("GET /", "/app"), Map.entry("GET / as CLIENT", "/me"),
				Map.entry("GET /login", "/app"), Map.entry("GET /login as CLIENT", "/me"),
				Map.entry("POST /account/mfa/setup", "/account/mfa/setup"),
				Map.entry("POST /app/appointment-types/{id}/retire", "/app/appointment-types"),
				Map.entry("POST /app/clients/{id}/episode/close", client),
				Map.entry("POST /app/audit/checkpoint", "/app/audit"),
				Map.entry("GET /app/schedule/book", client + "/sessions\\?date=[0-9-]+&time=[0-9:]+#book"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/attend", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/no-show", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/late-cancel", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/reinstate", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/telehealth", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/cancel", sessionRow),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/reschedule", sessionRow),
				Map.entry("POST /app/clients/{id}/check-in-visibility", client + "/progress"),
				Map.entry("POST /app/clients/{id}/plan", client + "/plan"),
				Map.entry("POST /app/schedule/feed", "/app/schedule"),
				Map.entry("POST /app/availability/windows", "/app/availability\\?therapist=" + ID),
				Map.entry("POST /app/availability/windows/remove", "/app/availability\\?therapist=" + ID),
				Map.entry("POST /app/availability/days-off", "/app/availability\\?therapist=" + ID),
				Map.entry("POST /app/alerts/{id}/resolve", "/app/alerts"),
				Map.entry("POST /me/consent/{kind}/withdraw", "/me/consent#messaging"),
				Map.entry("POST /me/goals/{goalId}/rating", "/me/goals#goal-" + ID),
				Map.entry("POST /me/coping-plan", "/me/coping-plan"),
				Map.entry("POST /app/requests/{id}/accept", "/app/requests\\?therapist=" + ID),
				Map.entry("POST /app/requests/{id}/decline", "/app/requests\\?therapist=" + ID),
				Map.entry("POST /app/messages/reply-time", "/app/messages#reply-time"),
				Map.entry("POST /app/clients/{id}/messages/switch", client + "/messages"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/note", note + "(\\?template=FREE_TEXT)?"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/note/sign", note + "#signature"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/note/addenda", note + "#addenda"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/note/cosign", note + "#signature"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/psychotherapy-note",
						note + "#psychotherapy-note"));
	}

	/** The target this row states for this person's redirect, or null. */
	static String redirectTarget(Row row, Who who) {
		if (who == Who.ANONYMOUS) {
			return "/login";
		}
		String key = row.method() + " " + row.pattern();
		return redirectTargets().getOrDefault(key + " as " + who, redirectTargets().get(key));
	}

	private static boolean redirectsWhereTheMatrixSays(Row row, Who who, String location) {
		String target = redirectTarget(row, who);
		return target != null && location != null
				&& location.replaceFirst("^https?://[^/]+", "").matches(target);
	}

	@Test
	void everyRedirectOfASignedInPersonStatesWhereItGoes() {
		Set<String> missing = new TreeSet<>();
		for (Row row : rows()) {
			for (Who who : Who.values()) {
				if (who != Who.ANONYMOUS && row.expectedFor(who) == LOGIN && redirectTarget(row, who) == null) {
					missing.add(row.method() + " " + row.pattern() + " as " + who);
				}
			}
		}
		assertThat(missing).as("302 rows without a target in redirectTargets()").isEmpty();
	}

	@Test
	void clientListsShowOnlyWhatEachPersonMaySee() throws Exception {
		String nameA = practice.user(practice.clientAEmail()).displayName();
		String nameB = practice.user(practice.clientBEmail()).displayName();
		assertThat(page("/app/clients", Who.THERAPIST)).contains(nameA).doesNotContain(nameB);
		assertThat(page("/app/clients", Who.OTHER_THERAPIST)).contains(nameB).doesNotContain(nameA);
		assertThat(page("/app/clients", Who.SUPERVISOR)).contains(nameA).doesNotContain(nameB);
		assertThat(page("/app/clients", Who.ADMIN)).contains(nameA, nameB);
		assertThat(page("/app/clients", Who.OTHER_PRACTICE_ADMIN)).doesNotContain(nameA, nameB);
	}

	@Test
	void eachReadOfAClientRecordIsAudited() throws Exception {
		String url = "/app/clients/" + practice.clientOfA();
		mvc.perform(request("GET", url, Who.SUPERVISOR));
		var readers = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("""
					select actor_role from audit_event
					where practice_id = :p and client_id = :c and action = 'CLIENT_RECORD_VIEWED'""")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.list();
		assertThat(readers).contains("SUPERVISOR");
	}

	enum NoteFixture {

		NONE, SIGNED, OTHER_PRACTICE

	}

	private final Map<String, String> notes = new java.util.HashMap<>();

	/**
	 * The note page of an attended session of therapist A's client, one session per name (made on
	 * first use), with a note signed by therapist A for {@code SIGNED}; of the other practice's
	 * therapist A for {@code OTHER_PRACTICE}.
	 */
	String notePath(String name, NoteFixture fixture) {
		return notes.computeIfAbsent(name, n -> {
			TestPractice owner = fixture == NoteFixture.OTHER_PRACTICE ? otherPractice : practice;
			var therapist = owner.user(owner.therapistAEmail());
			var appointments = context.getBean(care.rapport.scheduling.Appointments.class);
			var session = appointments.book(owner.practice().id(), owner.clientOfA(), therapist.id(),
					java.time.Instant.now().minus(java.time.Duration.ofDays(1 + notes.size())), java.time.Duration.ofMinutes(50));
			appointments.attend(owner.practice().id(), session);
			if (fixture != NoteFixture.NONE) {
				context.getBean(care.rapport.notes.ProgressNotes.class)
					.sign(therapist, owner.clientOfA(), session, new care.rapport.notes.NoteDraft(
							care.rapport.notes.NoteTemplate.FREE_TEXT, Map.of("text", "Matrix note"), 0,
							java.util.UUID.randomUUID()));
			}
			return "/app/clients/" + owner.clientOfA() + "/appointments/" + session + "/note";
		});
	}

	/** The note page of an attended session of therapist B's client. */
	String notePathOfB() {
		return notes.computeIfAbsent("of B", n -> {
			var appointments = context.getBean(care.rapport.scheduling.Appointments.class);
			var session = appointments.book(practice.practice().id(), practice.clientOfB(),
					practice.user(practice.therapistBEmail()).id(), java.time.Instant.now().minus(java.time.Duration.ofDays(30)),
					java.time.Duration.ofMinutes(50));
			appointments.attend(practice.practice().id(), session);
			return "/app/clients/" + practice.clientOfB() + "/appointments/" + session + "/note";
		});
	}

	/** The content hash of a fixture's signed note. */
	String noteHash(String name) {
		String path = notes.get(name);
		String session = path.substring(path.indexOf("/appointments/") + 14, path.lastIndexOf("/note"));
		return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select content_hash from progress_note where appointment_id = cast(:a as uuid)")
			.param("a", session)
			.query(String.class)
			.single();
	}

	/** The current treatment consent document of a practice (written on first use). */
	String consentDocument(TestPractice owner) {
		return context.getBean(care.rapport.consent.Consents.class)
			.current(owner.practice().id(), care.rapport.consent.ConsentKind.TREATMENT)
			.id()
			.toString();
	}

	/** A goal of this client of {@code practice}, proposed by their therapist (made on first use). */
	String goal(care.rapport.clients.ClientId client) {
		return objects.goal(client);
	}

	/** A commitment of this client of {@code practice}, made by their therapist (made on first use). */
	String commitment(care.rapport.clients.ClientId client) {
		return objects.commitment(client);
	}

	/** A pending session request of this client of {@code practice} (made on first use). */
	java.util.UUID sessionRequest(String clientEmail) {
		return objects.sessionRequest(clientEmail);
	}

	/** A PDF this client of {@code practice} sent their therapist, with consent (made on first use). */
	String attachment(care.rapport.clients.ClientId client) {
		return objects.attachment(client);
	}

	private String page(String url, Who who) throws Exception {
		return mvc.perform(request("GET", url, who)).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder request(String method, String url, Who who) {
		MockHttpServletRequestBuilder builder = "GET".equals(method) || "*".equals(method) ? get(url)
				: post(url).with(csrf());
		String email = switch (who) {
			case ANONYMOUS -> null;
			case CLIENT -> practice.clientAEmail();
			case THERAPIST -> practice.therapistAEmail();
			case OTHER_THERAPIST -> practice.therapistBEmail();
			case SUPERVISOR -> practice.supervisorEmail();
			case ADMIN -> practice.adminEmail();
			case OTHER_PRACTICE_ADMIN -> otherPractice.adminEmail();
		};
		TestPractice owner = who == Who.OTHER_PRACTICE_ADMIN ? otherPractice : practice;
		return email == null ? builder : builder.with(owner.as(email));
	}

}
