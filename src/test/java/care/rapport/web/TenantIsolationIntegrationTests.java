package care.rapport.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.clients.ClientId;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Tenant isolation, proven for every endpoint that takes an id, found from the handler mappings
 * themselves (handlers told apart by a header or a parameter each count as their own endpoint):
 * another practice's object answers 404 to everyone of this practice, another therapist's clinical
 * object answers 404 to therapist A, A's supervisor and the admin, an object of another client
 * nested under one's own client answers 404, anonymous people are sent to sign in and clients are
 * refused staff pages. Refused writes change nothing in the database. An endpoint whose id this
 * test cannot fill fails it, so a new endpoint cannot slip through untried.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(TenantIsolationIntegrationTests.class);

	/** What a path variable names, told by the path segment before it. */
	enum Kind {

		CLIENT, APPOINTMENT, ALERT, GOAL, COMMITMENT, ADMINISTRATION, ATTACHMENT, SESSION_REQUEST,
		/** Belongs to a practice, not to a therapist. */
		APPOINTMENT_TYPE,
		/** Belongs to a practice, not to a therapist. */
		CONSENT_DOCUMENT,
		/** An instrument a practice imported (the shipped ones are everyone's): belongs to that practice. */
		INSTRUMENT,
		/** A fixed list of kinds, the same in every practice: nothing to isolate. */
		CONSENT_KIND,
		/** A secret in a link (invitation, questionnaire, calendar feed): whoever holds it may use it. */
		TOKEN;

		boolean tenantObject() {
			return this.compareTo(INSTRUMENT) <= 0;
		}

		boolean therapistsObject() {
			return this.compareTo(SESSION_REQUEST) <= 0;
		}

	}

	/**
	 * Every path variable this test knows how to fill, as "segment before it/{variable}". A new
	 * endpoint with a variable not listed here fails {@link #everyIdTakingEndpointIsRefusedOtherPeoplesObjects}:
	 * add its kind here and a way to make one in {@link PracticeObjects}.
	 */
	static final Map<String, Kind> SLOTS = Map.ofEntries(Map.entry("clients/{id}", Kind.CLIENT),
			Map.entry("appointments/{appointmentId}", Kind.APPOINTMENT),
			Map.entry("appointments/{id}.ics", Kind.APPOINTMENT), Map.entry("alerts/{id}", Kind.ALERT),
			Map.entry("goals/{goalId}", Kind.GOAL), Map.entry("commitments/{commitmentId}", Kind.COMMITMENT),
			Map.entry("measures/{id}", Kind.ADMINISTRATION),
			Map.entry("measures/{administrationId}", Kind.ADMINISTRATION),
			Map.entry("attachments/{attachmentId}", Kind.ATTACHMENT), Map.entry("requests/{id}", Kind.SESSION_REQUEST),
			Map.entry("appointment-types/{id}", Kind.APPOINTMENT_TYPE),
			Map.entry("consent/{documentId}", Kind.CONSENT_DOCUMENT), Map.entry("paper/{code}", Kind.INSTRUMENT),
			Map.entry("instruments/{code}", Kind.INSTRUMENT), Map.entry("consent/{kind}", Kind.CONSENT_KIND),
			Map.entry("consent-documents/{kind}", Kind.CONSENT_KIND), Map.entry("invitations/{token}", Kind.TOKEN),
			Map.entry("respond/{token}", Kind.TOKEN), Map.entry("calendar/{token}.ics", Kind.TOKEN),
			Map.entry("confirm/{token}", Kind.TOKEN), Map.entry("events/{appointmentId}", Kind.APPOINTMENT));

	/**
	 * Staff endpoints that are administration, not clinical content: the practice admin runs them
	 * for every client, so an admin reaching another therapist's client there is no leak.
	 */
	static final Set<String> ADMINISTRATIVE = Set.of("GET /app/clients/{id}", "GET /app/clients/{id}/edit",
			"POST /app/clients/{id}/edit", "GET /app/clients/{id}/sessions", "POST /app/clients/{id}/appointments",
			"POST /app/clients/{id}/appointments/{appointmentId}/reschedule",
			"POST /app/clients/{id}/appointments/{appointmentId}/attend", "POST /app/clients/{id}/appointments/{appointmentId}/no-show",
			"POST /app/clients/{id}/appointments/{appointmentId}/late-cancel", "POST /app/clients/{id}/appointments/{appointmentId}/reinstate",
			"POST /app/clients/{id}/appointments/{appointmentId}/telehealth",
			"POST /app/clients/{id}/appointments/{appointmentId}/cancel", "GET /app/clients/{id}/consent",
			"POST /app/requests/{id}/accept", "POST /app/requests/{id}/decline",
			"POST /app/schedule/events/{appointmentId}/move");

	/**
	 * Leaks found and not yet fixed, by {@link Refusal#key()}, with why they are left: printed on every
	 * run and kept out of the failure so the build stays green until they are fixed. Keep it empty.
	 */
	static final Map<String, String> KNOWN_GAPS = Map.of();

	/**
	 * Owners whose own request may fairly miss the handler in the control (see
	 * {@link #ownerReaches}), with why; the refusals of everyone else are still checked.
	 */
	static final Map<String, String> CONTROL_EXEMPT = Map.of();

	/**
	 * Input a handler accepts, by "METHOD pattern": a refused request must be refused even when
	 * everything else about it is right, and a wrongly accepted one then really writes, which the
	 * before/after comparison sees. Endpoints not listed get only their required parameters.
	 */
	static Map<String, String> validInput() {
		String note = "/app/clients/{id}/appointments/{appointmentId}/note";
		String later = "date=" + LocalDate.now().plusDays(10) + "&time=10:00";
		return Map.ofEntries(Map.entry("POST /app/clients/{id}/edit", "displayName=Intruder"),
				Map.entry("POST /app/clients/{id}/episode/close", "reason=COMPLETED&summary=Intruder"),
				Map.entry("POST /app/clients/{id}/appointments", later + "&minutes=50"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/reschedule", later),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/late-cancel", "reason=Intruder"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/telehealth",
						"url=https://video.example/intruder"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/cancel", "reason=Intruder"),
				Map.entry("POST " + note, "template=FREE_TEXT&version=1&section.text=Intruder"),
				Map.entry("POST " + note + "/sign", "template=FREE_TEXT&version=1&section.text=Intruder"),
				Map.entry("POST " + note + "/addenda", "text=Intruder"),
				Map.entry("POST " + note + "/cosign", "hash=0"),
				Map.entry("POST /app/clients/{id}/appointments/{appointmentId}/psychotherapy-note",
						"text=Intruder&version=1"),
				Map.entry("POST /app/clients/{id}/check-in-visibility", "visible=true"),
				Map.entry("POST /app/clients/{id}/plan", "timing.PHQ-9=AFTER_SESSION"),
				Map.entry("POST /app/alerts/{id}/acknowledge", "action=DISCUSSED_IN_SESSION&note=Intruder"),
				Map.entry("POST /app/clients/{id}/messages", "text=Intruder"),
				Map.entry("POST /app/clients/{id}/messages/switch", "on=false&reason=Intruder"),
				Map.entry("POST /app/clients/{id}/goals/proposals", "text=Intruder"),
				Map.entry("POST /app/clients/{id}/commitments", "text=Intruder"),
				Map.entry("POST /app/clients/{id}/commitments/{commitmentId}/outcome", "outcome=DONE"),
				Map.entry("POST /me/commitments/{commitmentId}/outcome", "outcome=DONE"),
				Map.entry("POST /me/goals/{goalId}/rating", "rating=5"),
				Map.entry("POST /me/goals/{goalId}/status", "status=SET_ASIDE"),
				Map.entry("POST /me/goals/{goalId}/accept", "text=Intruder"),
				Map.entry("POST /me/consent/{documentId}/sign", "typedName=Intruder"),
				Map.entry("POST /app/requests/{id}/decline", "reason=Intruder"));
	}

	/**
	 * Endpoints tried after all others: their owner's own request (see {@link #ownerReaches}) ends
	 * what other owners still need (closing the episode of care takes the questionnaires due off).
	 */
	static final Set<String> RUN_LAST = Set.of("POST /app/clients/{id}/episode/close");

	/** Tables left out of the before/after comparison: append-only logs that a refusal may rightly write to. */
	static final Set<String> LOGS = Set.of("audit_event", "security_event");

	enum Who {

		ANONYMOUS, CLIENT, THERAPIST, OTHER_THERAPIST, SUPERVISOR, ADMIN, OTHER_PRACTICE_ADMIN,
		/** Client B of this practice: owner of B's portal objects. */
		OTHER_CLIENT,
		/** Therapist A of the other practice: owner of its clinical objects. */
		OTHER_PRACTICE_THERAPIST,
		/** Client A of the other practice: owner of its portal objects. */
		OTHER_PRACTICE_CLIENT;

		boolean client() {
			return this == CLIENT || this == OTHER_CLIENT || this == OTHER_PRACTICE_CLIENT;
		}

	}

	/** Whose objects fill the path variables. */
	enum Owner {

		/** Therapist A of this practice and their client. */
		A,
		/** Therapist B of this practice and their client. */
		B,
		/** Therapist A of the other practice and their client. */
		OTHER_PRACTICE

	}

	/** How the path variables are filled, and who must be refused. */
	enum Scenario {

		ANOTHER_PRACTICES_OBJECT("another practice's object"),
		ANOTHER_THERAPISTS_OBJECT("another therapist's object"),
		ANOTHER_THERAPISTS_OBJECT_UNDER_OWN_CLIENT("another therapist's object under one's own client"),
		ANOTHER_PRACTICES_OBJECT_UNDER_OWN_CLIENT("another practice's object under one's own client");

		final String label;

		Scenario(String label) {
			this.label = label;
		}

	}

	/** One handler mapping with one HTTP method, one pattern and the headers and parameters it requires. */
	record Endpoint(String method, String pattern, Map<String, String> headers, Map<String, String> params,
			HandlerMethod handler) implements Comparable<Endpoint> {

		String key() {
			return method + " " + pattern;
		}

		String label() {
			return key() + (headers.isEmpty() ? "" : " with headers " + headers.keySet())
					+ (params.isEmpty() ? "" : " with params " + params.keySet());
		}

		boolean portal() {
			return pattern.startsWith("/me");
		}

		boolean writes() {
			return !"GET".equals(method);
		}

		@Override
		public int compareTo(Endpoint other) {
			int last = Boolean.compare(RUN_LAST.contains(key()), RUN_LAST.contains(other.key()));
			return last != 0 ? last : label().compareTo(other.label());
		}

	}

	/** One refused request and what the refusal must look like. */
	record Refusal(Endpoint endpoint, Scenario scenario, Who who, String url, int expected) {

		String key() {
			return endpoint.label() + " | " + scenario.label + " | " + who;
		}

	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	PracticeObjects home;

	PracticeObjects other;

	List<String> tables;

	@BeforeAll
	void practices() {
		home = new PracticeObjects(context, TestPractice.create(context));
		other = new PracticeObjects(context, TestPractice.create(context));
		tables = jdbc.sql("""
				select table_name from information_schema.columns
				where table_schema = current_schema() and column_name = 'practice_id' order by table_name""")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !LOGS.contains(table))
			.toList();
		// Made before any request, so an owner's own request (which may close an episode) cannot stop one being made.
		for (Owner owner : Owner.values()) {
			for (Kind kind : Kind.values()) {
				value(kind, owner);
			}
		}
	}

	@Test
	void everyIdTakingEndpointIsRefusedOtherPeoplesObjects() throws Exception {
		List<String> unknown = new ArrayList<>();
		List<String> notTenantObjects = new ArrayList<>();
		List<String> mismatches = new ArrayList<>();
		List<String> knownGapsSeen = new ArrayList<>();
		List<String> vacuous = new ArrayList<>();
		List<String> changedData = new ArrayList<>();
		List<String> tried = new ArrayList<>();
		int requests = 0;
		Map<String, String> atStart = fingerprint();
		for (Endpoint endpoint : endpointsWithIds()) {
			Map<String, Kind> kinds = kindsOf(endpoint, unknown);
			if (kinds == null) {
				continue;
			}
			if (kinds.values().stream().noneMatch(Kind::tenantObject)) {
				notTenantObjects.add(endpoint.label() + " " + kinds.values());
				continue;
			}
			tried.add(endpoint.label());
			for (Scenario scenario : Scenario.values()) {
				List<Refusal> refusals = refusals(endpoint, kinds, scenario);
				if (refusals.isEmpty()) {
					continue;
				}
				Map<String, String> before = endpoint.writes() ? fingerprint() : Map.of();
				for (Refusal refusal : refusals) {
					requests++;
					MockHttpServletResponse response = perform(endpoint, refusal.url(), refusal.who());
					String problem = problem(refusal, response);
					if (problem == null) {
						continue;
					}
					if (KNOWN_GAPS.containsKey(refusal.key())) {
						knownGapsSeen.add(refusal.key());
						log.warn("KNOWN GAP {}: {} ({})", refusal.key(), problem, KNOWN_GAPS.get(refusal.key()));
					}
					else {
						mismatches.add(refusal.key() + ": " + problem + " at " + refusal.url());
					}
				}
				if (endpoint.writes()) {
					Map<String, String> after = fingerprint();
					Set<String> changed = new TreeSet<>();
					before.forEach((table, print) -> {
						if (!print.equals(after.get(table))) {
							changed.add(table);
						}
					});
					if (!changed.isEmpty()) {
						changedData.add(endpoint.label() + " | " + scenario.label + ": refused requests changed "
								+ changed);
					}
				}
				ownerReaches(endpoint, kinds, scenario).ifPresent(vacuous::add);
			}
		}
		log.info("Tried {} refused requests on {} endpoints: {}", requests, tried.size(), String.join("; ", tried));
		log.info("Endpoints whose ids are no tenant's objects, not tried: {}", notTenantObjects);
		Set<String> staleGaps = new TreeSet<>(KNOWN_GAPS.keySet());
		knownGapsSeen.forEach(staleGaps::remove);
		StringBuilder report = new StringBuilder();
		section(report, "Path variables this test cannot fill (name their kind in SLOTS, make one in PracticeObjects)",
				unknown);
		section(report, "Requests that were not refused as they must be", mismatches);
		section(report, "Refused writes that changed data", changedData);
		section(report, "Owners who did not reach their own object (the refusals prove nothing for these ids)",
				vacuous);
		section(report, "KNOWN_GAPS that are fixed now: remove them", List.copyOf(staleGaps));
		if (atStart.equals(fingerprint())) {
			section(report, "The before/after comparison saw none of the owners' own writes, so it could not see a "
					+ "refused one either", List.of("check fingerprint()"));
		}
		assertThat(report.toString()).as("tenant isolation").isEmpty();
	}

	private static void section(StringBuilder report, String title, List<String> lines) {
		if (!lines.isEmpty()) {
			report.append("\n").append(title).append(" (").append(lines.size()).append("):\n  ")
				.append(String.join("\n  ", lines)).append("\n");
		}
	}

	/** Every mapping with a path variable, one per HTTP method and pattern, sorted for a stable order. */
	List<Endpoint> endpointsWithIds() {
		Set<Endpoint> endpoints = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.contains("{")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(method.name(), pattern, required(info, true), required(info, false),
							handler));
				}
			}
		});
		return List.copyOf(endpoints);
	}

	/** The headers (or parameters) a mapping requires, with a value that satisfies it. */
	private static Map<String, String> required(RequestMappingInfo info, boolean headers) {
		Set<NameValueExpression<String>> expressions = headers ? info.getHeadersCondition().getExpressions()
				: info.getParamsCondition().getExpressions();
		Map<String, String> required = new TreeMap<>();
		for (NameValueExpression<String> expression : expressions) {
			if (expression.getValue() != null && !expression.isNegated()) {
				required.put(expression.getName(), expression.getValue());
			}
			else if (!expression.isNegated()) {
				required.put(expression.getName(), "true");
			}
		}
		return required;
	}

	/** The kind of each path variable, or null (and an entry in {@code unknown}) when one is not known. */
	private static Map<String, Kind> kindsOf(Endpoint endpoint, List<String> unknown) {
		Map<String, Kind> kinds = new LinkedHashMap<>();
		String[] segments = endpoint.pattern().split("/");
		for (int i = 1; i < segments.length; i++) {
			Matcher variable = VARIABLE.matcher(segments[i]);
			if (!variable.find()) {
				continue;
			}
			String slot = segments[i - 1] + "/" + segments[i];
			Kind kind = SLOTS.get(slot);
			if (kind == null) {
				unknown.add(endpoint.label() + ": " + slot);
				return null;
			}
			kinds.put(variable.group(1), kind);
		}
		return kinds;
	}

	/** Who must be refused in this scenario, and how; empty when the scenario does not apply. */
	private List<Refusal> refusals(Endpoint endpoint, Map<String, Kind> kinds, Scenario scenario) {
		boolean therapistsObjects = kinds.values().stream().anyMatch(Kind::therapistsObject);
		long tenantObjects = kinds.values().stream().filter(Kind::tenantObject).count();
		EnumSet<Who> intruders;
		switch (scenario) {
			case ANOTHER_PRACTICES_OBJECT -> intruders = EnumSet.of(Who.ANONYMOUS, Who.CLIENT, Who.THERAPIST,
					Who.OTHER_THERAPIST, Who.SUPERVISOR, Who.ADMIN);
			case ANOTHER_THERAPISTS_OBJECT -> {
				if (!therapistsObjects) {
					return List.of();
				}
				intruders = EnumSet.of(Who.ANONYMOUS, Who.CLIENT, Who.THERAPIST, Who.SUPERVISOR, Who.ADMIN,
						Who.OTHER_PRACTICE_ADMIN);
				if (ADMINISTRATIVE.contains(endpoint.key())) {
					intruders.remove(Who.ADMIN);
				}
			}
			default -> {
				// A practice's own things (its instruments) are everyone's in it: only a therapist's object can be
				// another therapist's under one's own client.
				boolean nestedTherapistsObject = kinds.values().stream().filter(Kind::tenantObject).skip(1)
					.anyMatch(Kind::therapistsObject);
				if (tenantObjects < 2 || endpoint.portal()
						|| (scenario == Scenario.ANOTHER_THERAPISTS_OBJECT_UNDER_OWN_CLIENT && !nestedTherapistsObject)) {
					return List.of();
				}
				intruders = EnumSet.of(Who.THERAPIST, Who.SUPERVISOR, Who.ADMIN);
			}
		}
		String url = url(endpoint, kinds, scenario, false);
		List<Refusal> refusals = new ArrayList<>();
		for (Who who : intruders) {
			refusals.add(new Refusal(endpoint, scenario, who, url, refusalFor(endpoint, who)));
		}
		return refusals;
	}

	/** Anonymous people are sent to sign in; a person in the wrong area is refused; anyone else finds nothing. */
	private static int refusalFor(Endpoint endpoint, Who who) {
		if (who == Who.ANONYMOUS) {
			return 302;
		}
		if (endpoint.portal()) {
			return who.client() ? 404 : 403;
		}
		return who.client() && endpoint.pattern().startsWith("/app") ? 403 : 404;
	}

	/** What is wrong with a response to a request that must be refused, or null. */
	private static String problem(Refusal refusal, MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status != refusal.expected()) {
			String location = response.getRedirectedUrl();
			return "expected " + refusal.expected() + ", got " + status + (location == null ? "" : " to " + location);
		}
		if (status == 302 && !toSignIn(response)) {
			return "expected a redirect to /login, got one to " + response.getRedirectedUrl();
		}
		return null;
	}

	private static boolean toSignIn(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		return location != null && location.replaceFirst("^https?://[^/]+", "").equals("/login");
	}

	/**
	 * The owner's own request with the same ids, made after the refusals: it must reach the handler
	 * (anything but 404 or a sign-in), or the ids were wrong and the refusals proved nothing.
	 */
	private Optional<String> ownerReaches(Endpoint endpoint, Map<String, Kind> kinds, Scenario scenario)
			throws Exception {
		Who owner;
		if (scenario == Scenario.ANOTHER_PRACTICES_OBJECT) {
			owner = endpoint.portal() ? Who.OTHER_PRACTICE_CLIENT
					: kinds.values().stream().anyMatch(Kind::therapistsObject) ? Who.OTHER_PRACTICE_THERAPIST
							: Who.OTHER_PRACTICE_ADMIN;
		}
		else if (scenario == Scenario.ANOTHER_THERAPISTS_OBJECT) {
			owner = endpoint.portal() ? Who.OTHER_CLIENT : Who.OTHER_THERAPIST;
		}
		else {
			return Optional.empty();
		}
		String key = endpoint.label() + " | " + scenario.label + " | " + owner;
		if (CONTROL_EXEMPT.containsKey(key)) {
			return Optional.empty();
		}
		String url = url(endpoint, kinds, scenario, true);
		MockHttpServletResponse response = perform(endpoint, url, owner);
		if (response.getStatus() == 404 || (response.getStatus() == 302 && toSignIn(response))) {
			return Optional.of(key + ": got " + response.getStatus() + " at " + url);
		}
		return Optional.empty();
	}

	/** The endpoint's URL with its variables filled for the scenario, and the parameters its handler needs. */
	private String url(Endpoint endpoint, Map<String, Kind> kinds, Scenario scenario, boolean owners) {
		StringBuilder url = new StringBuilder();
		Matcher variable = VARIABLE.matcher(endpoint.pattern());
		boolean first = true;
		while (variable.find()) {
			Kind kind = kinds.get(variable.group(1));
			Owner owner = switch (scenario) {
				case ANOTHER_PRACTICES_OBJECT -> Owner.OTHER_PRACTICE;
				case ANOTHER_THERAPISTS_OBJECT -> Owner.B;
				case ANOTHER_THERAPISTS_OBJECT_UNDER_OWN_CLIENT -> first && !owners ? Owner.A : Owner.B;
				case ANOTHER_PRACTICES_OBJECT_UNDER_OWN_CLIENT -> first && !owners ? Owner.A : Owner.OTHER_PRACTICE;
			};
			if (kind.tenantObject()) {
				first = false;
			}
			variable.appendReplacement(url, Matcher.quoteReplacement(value(kind, owner)));
		}
		variable.appendTail(url);
		Map<String, String> parameters = new TreeMap<>(requiredParameters(endpoint.handler()));
		parameters.putAll(endpoint.params());
		String valid = validInput().get(endpoint.key());
		if (valid != null) {
			for (String pair : valid.split("&")) {
				parameters.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
		}
		List<String> query = new ArrayList<>();
		parameters.forEach((name, value) -> query.add(name + "=" + value));
		return query.isEmpty() ? url.toString() : url + "?" + String.join("&", query);
	}

	/** An object of this kind belonging to this owner. */
	private String value(Kind kind, Owner owner) {
		PracticeObjects objects = owner == Owner.OTHER_PRACTICE ? other : home;
		TestPractice practice = objects.practice();
		ClientId client = owner == Owner.B ? practice.clientOfB() : practice.clientOfA();
		return switch (kind) {
			case CLIENT -> client.toString();
			case APPOINTMENT -> objects.heldSessionWithNotes(client);
			case ALERT -> objects.alert(client);
			case GOAL -> objects.goal(client);
			case COMMITMENT -> objects.commitment(client);
			case ADMINISTRATION -> objects.administration(client);
			case ATTACHMENT -> objects.attachment(client);
			case SESSION_REQUEST -> objects.sessionRequest(objects.accountOf(client).email()).toString();
			case APPOINTMENT_TYPE -> objects.appointmentType();
			case CONSENT_DOCUMENT -> objects.consentDocument();
			case INSTRUMENT -> objects.instrument();
			case CONSENT_KIND -> "TREATMENT";
			case TOKEN -> "not-a-token";
		};
	}

	/**
	 * A plausible value for each request parameter the handler cannot do without, so the request
	 * reaches the handler's access check rather than stopping at a 400.
	 */
	private static Map<String, String> requiredParameters(HandlerMethod handler) {
		Map<String, String> values = new TreeMap<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null || !annotation.required() || parameter.isOptional()
					|| !ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue())
					|| Map.class.isAssignableFrom(parameter.getParameterType())) {
				continue;
			}
			String name = !annotation.name().isEmpty() ? annotation.name()
					: Objects.requireNonNull(parameter.getParameterName(), "compile with -parameters");
			values.put(name, sample(parameter.getParameterType()));
		}
		return values;
	}

	private static String sample(Class<?> type) {
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		if (type == UUID.class) {
			return UUID.randomUUID().toString();
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "1";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true";
		}
		if (type == LocalDate.class) {
			return LocalDate.now().plusDays(3).toString();
		}
		return "x";
	}

	private MockHttpServletResponse perform(Endpoint endpoint, String url, Who who) throws Exception {
		MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(endpoint.method()), url);
		if (endpoint.writes()) {
			builder.with(csrf());
		}
		endpoint.headers().forEach(builder::header);
		if (who != Who.ANONYMOUS) {
			TestPractice owner = switch (who) {
				case OTHER_PRACTICE_ADMIN, OTHER_PRACTICE_THERAPIST, OTHER_PRACTICE_CLIENT -> other.practice();
				default -> home.practice();
			};
			builder.with(owner.as(email(owner, who)));
		}
		return mvc.perform(builder).andReturn().getResponse();
	}

	private static String email(TestPractice practice, Who who) {
		return switch (who) {
			case CLIENT, OTHER_PRACTICE_CLIENT -> practice.clientAEmail();
			case OTHER_CLIENT -> practice.clientBEmail();
			case THERAPIST, OTHER_PRACTICE_THERAPIST -> practice.therapistAEmail();
			case OTHER_THERAPIST -> practice.therapistBEmail();
			case SUPERVISOR -> practice.supervisorEmail();
			case ADMIN, OTHER_PRACTICE_ADMIN -> practice.adminEmail();
			case ANONYMOUS -> throw new IllegalArgumentException("no e-mail for anonymous");
		};
	}

	/**
	 * The contents of every practice table, restricted to the two test practices, once the events of
	 * earlier requests have been handled; the outbox by its count only, since sending updates it.
	 */
	private Map<String, String> fingerprint() {
		settleEvents();
		List<String> parts = new ArrayList<>();
		for (String table : tables) {
			String print = "outbox_message".equals(table) ? "count(*)::text"
					: "count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')";
			parts.add("select '" + table + "' as name, (select " + print + " from " + table
					+ " t where t.practice_id in (:p, :q)) as print");
		}
		Map<String, String> prints = new TreeMap<>();
		jdbc.sql(String.join(" union all ", parts))
			.param("p", home.practice().practice().id().value())
			.param("q", other.practice().practice().id().value())
			.query((rs, n) -> prints.put(rs.getString(1), rs.getString(2)))
			.list();
		return prints;
	}

	/** Waits (briefly) until recent events have reached their listeners, which may write. */
	private void settleEvents() {
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> jdbc.sql("""
						select count(*) from event_publication
						where completion_date is null and publication_date > now() - interval '1 minute'""")
					.query(Integer.class)
					.single() == 0);
		}
		catch (ConditionTimeoutException ex) {
			log.warn("Events still pending after 10 s; comparing anyway");
		}
	}

	@Test
	void knownGapsNameRealEndpointsAndEveryKindIsInUse() {
		Set<String> endpoints = new TreeSet<>();
		endpointsWithIds().forEach(endpoint -> endpoints.add(endpoint.label()));
		List<String> strays = new ArrayList<>();
		for (String key : KNOWN_GAPS.keySet()) {
			if (!endpoints.contains(key.substring(0, key.indexOf(" | ")))) {
				strays.add(key);
			}
		}
		assertThat(strays).as("KNOWN_GAPS for endpoints that no longer exist").isEmpty();
		assertThat(Arrays.stream(Kind.values()).filter(kind -> !SLOTS.containsValue(kind)).toList())
			.as("kinds no slot uses")
			.isEmpty();
	}

}
