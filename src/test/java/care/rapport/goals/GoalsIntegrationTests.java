package care.rapport.goals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.practice.SensitiveText;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Goals in the client's words, rated at each session; proposals the client makes their own;
 * commitments on both sides with their follow-through; the coping plan and who may read it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class GoalsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Appointments appointments;

	@Autowired
	SensitiveText sensitive;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void clientWritesAGoalAndRatesItAtEachSessionReRatingReplaces() throws Exception {
		mvc.perform(asClient(post("/me/goals")).param("text", "Go for a walk with a friend each weekend"))
			.andExpect(status().is3xxRedirection());
		UUID goal = onlyGoal();
		assertThat(statusOf(goal)).isEqualTo("ACTIVE");

		rate(goal, "3");
		AppointmentId first = sessionAgo(Duration.ofDays(8));
		AppointmentId second = sessionAgo(Duration.ofDays(1));
		appointments.attend(practice.practice().id(), first);
		rate(goal, "4");
		rate(goal, "5");
		appointments.attend(practice.practice().id(), second);
		rate(goal, "7");

		assertThat(jdbc.sql("select session_number || ':' || rating from goal_rating where goal_id = :g order by session_number")
			.param("g", goal)
			.query(String.class)
			.list()).containsExactly("0:3", "1:5", "2:7");
		mvc.perform(get("/me/goals").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Go for a walk with a friend each weekend")))
			.andExpect(content().string(containsString("<polyline")))
			.andExpect(content().string(containsString("at the start 3, session 1 5, session 2 7")))
			.andExpect(content().string(containsString("Where are you now (session 2)?")));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Go for a walk with a friend each weekend")))
			.andExpect(content().string(containsString("session 2 7")))
			.andExpect(content().string(containsString("Latest: 7/10")));
		assertThat(audited("GOAL_RATED")).isEqualTo(4);
	}

	@Test
	void aProposalBecomesTheClientsGoalInTheirOwnWords() throws Exception {
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/goals/proposals").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("text", "Improve sleep hygiene"))
			.andExpect(status().is3xxRedirection());
		UUID goal = onlyGoal();
		assertThat(statusOf(goal)).isEqualTo("PROPOSED");
		mvc.perform(asClient(post("/me/goals/" + goal + "/rating")).param("rating", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Only goals you are working on can be rated")));
		mvc.perform(get("/me/goals").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Suggested by your therapist")))
			.andExpect(content().string(containsString("Improve sleep hygiene")));

		mvc.perform(asClient(post("/me/goals/" + goal + "/accept")).param("text", "Be in bed by eleven on weeknights"))
			.andExpect(status().is3xxRedirection());

		assertThat(statusOf(goal)).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("select text, proposed_text from goal where goal_id = :g").param("g", goal)
			.query((rs, n) -> decrypt("goal.text", rs.getBytes("text")) + "|"
					+ decrypt("goal.proposed_text", rs.getBytes("proposed_text")))
			.single()).isEqualTo("Be in bed by eleven on weeknights|Improve sleep hygiene");
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Be in bed by eleven on weeknights")))
			.andExpect(content().string(containsString("Suggested as: <span>Improve sleep hygiene</span>")));
		mvc.perform(asClient(post("/me/goals/" + goal + "/accept")).param("text", "again"))
			.andExpect(content().string(containsString("no longer a suggestion")));
		assertThat(audited("GOAL_PROPOSED")).isEqualTo(1);
		assertThat(audited("GOAL_ACCEPTED")).isEqualTo(1);
	}

	@Test
	void anInvalidRatingSaysWhatToDoAndStoresNothing() throws Exception {
		mvc.perform(asClient(post("/me/goals")).param("text", "Feel calmer at work"));
		UUID goal = onlyGoal();
		for (String bad : List.of("11", "abc")) {
			mvc.perform(asClient(post("/me/goals/" + goal + "/rating")).param("rating", bad))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Choose a number from 0 (not at all) to 10 (fully there).")))
				.andExpect(content().string(containsString("Feel calmer at work")));
		}
		mvc.perform(asClient(post("/me/goals/" + goal + "/rating")))
			.andExpect(content().string(containsString("Choose a number from 0")));
		assertThat(jdbc.sql("select count(*) from goal_rating where goal_id = :g").param("g", goal)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anEmptyOrTooLongGoalIsRefusedAndWhatWasTypedIsKept() throws Exception {
		mvc.perform(asClient(post("/me/goals")).param("text", "   "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write your goal in a few words of your own.")));
		String tooLong = "I want to " + "keep going ".repeat(50);
		mvc.perform(asClient(post("/me/goals")).param("text", tooLong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please keep it to 500 characters; this is " + tooLong.strip().length())))
			.andExpect(content().string(containsString(tooLong)));
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/goals/proposals").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write the goal you would like to suggest.")));
		assertThat(goalCount()).isZero();
	}

	@Test
	void theSameGoalFormSentTwiceStoresOneGoal() throws Exception {
		UUID key = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			mvc.perform(asClient(post("/me/goals")).param("text", "Call my sister weekly").param("key", key.toString()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(goalCount()).isEqualTo(1);
	}

	@Test
	void commitmentsOnBothSidesAreCheckedAndShowFollowThroughWithN() throws Exception {
		mvc.perform(asClient(post("/me/commitments")).param("text", "Try the breathing exercise three times"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments")).param("owner", "CLIENT")
			.param("text", "Write down one good thing each evening"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments")).param("owner", "THERAPIST")
			.param("text", "Send the sleep handout"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments")).param("text", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write what you will do before the next session.")));
		assertThat(jdbc.sql("select due_by_session from commitment where client_id = :c")
			.param("c", practice.clientOfA().value())
			.query(Integer.class)
			.list()).hasSize(3).containsOnly(1);

		mvc.perform(asClient(post("/me/commitments/" + commitment("breathing") + "/outcome")).param("outcome", "DONE"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments/" + commitment("good thing")
				+ "/outcome")).param("outcome", "PARTLY"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments/" + commitment("handout")
				+ "/outcome")).param("outcome", "NOT_DONE"))
			.andExpect(status().is3xxRedirection());
		// A second outcome does not overwrite the first.
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments/" + commitment("breathing")
				+ "/outcome")).param("outcome", "NOT_DONE"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select outcome from commitment where commitment_id = :c")
			.param("c", commitment("breathing"))
			.query(String.class)
			.single()).isEqualTo("DONE");

		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("50% followed through (N = 3 commitments checked)")))
			.andExpect(content().string(containsString("Client: <span>75% followed through (N = 2 commitments checked)")))
			.andExpect(content().string(containsString("follow-through-by-session")));
		mvc.perform(get("/me/goals").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Send the sleep handout")))
			.andExpect(content().string(containsString("75% followed through (N = 2 commitments checked)")));
		assertThat(audited("COMMITMENT_MADE")).isEqualTo(3);
		assertThat(audited("COMMITMENT_CHECKED")).isEqualTo(3);
	}

	@Test
	void theCopingPlanIsTheClientsToWriteTheCareTeamsToReadAndNoOneElses() throws Exception {
		mvc.perform(asClient(post("/me/coping-plan")).param("strategies", "Walk by the river")
			.param("people", "My sister Ana").param("crisisSteps", "Call 9-8-8"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/me/coping-plan").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Walk by the river")));
		for (String careTeam : List.of(practice.therapistAEmail(), practice.supervisorEmail())) {
			mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(careTeam)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Walk by the river")))
				.andExpect(content().string(containsString("My sister Ana")));
		}
		for (String outsider : List.of(practice.adminEmail(), practice.therapistBEmail())) {
			mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(outsider)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/me/coping-plan").with(practice.as(practice.clientBEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Walk by the river"))));
		assertThat(jdbc.sql("""
				select count(*) from audit_event where client_id = :c and action = 'CLINICAL_RECORD_VIEWED'
				    and detail = 'Viewed goals, commitments and coping plan'""")
			.param("c", practice.clientOfA().value())
			.query(Long.class)
			.single()).isEqualTo(2);

		String tooLong = "x".repeat(CopingPlan.MAX_LENGTH + 1);
		mvc.perform(asClient(post("/me/coping-plan")).param("strategies", "Walk by the river, and rest")
			.param("people", tooLong).param("crisisSteps", "Call 9-8-8"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please keep it to 4000 characters")))
			.andExpect(content().string(containsString("Walk by the river, and rest")));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("My sister Ana")))
			.andExpect(content().string(not(containsString("and rest"))));
	}

	@Test
	void goalCommitmentAndCopingPlanTextIsEncryptedAtRestAndShownInPlainOnThePages() throws Exception {
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/goals/proposals").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("text", "Quokka proposal marmalade"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asClient(post("/me/goals/" + onlyGoal() + "/accept")).param("text", "Zanzibar goal pomegranate"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asClient(post("/me/commitments")).param("text", "Xylophone commitment tangerine"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(asClient(post("/me/coping-plan")).param("strategies", "Kumquat strategy lagoon")
			.param("people", "Aunt Wilhelmina Okonkwo").param("crisisSteps", "Phone the Juniper crisis line"))
			.andExpect(status().is3xxRedirection());

		List<String> words = List.of("Quokka", "marmalade", "Zanzibar", "pomegranate", "Xylophone", "tangerine",
				"Kumquat", "lagoon", "Wilhelmina", "Okonkwo", "Juniper");
		List<byte[]> stored = new java.util.ArrayList<>();
		stored.addAll(rawColumn("select text from goal where client_id = :c"));
		stored.addAll(rawColumn("select proposed_text from goal where client_id = :c"));
		stored.addAll(rawColumn("select text from commitment where client_id = :c"));
		stored.addAll(rawColumn("select strategies from coping_plan where client_id = :c"));
		stored.addAll(rawColumn("select people from coping_plan where client_id = :c"));
		stored.addAll(rawColumn("select crisis_steps from coping_plan where client_id = :c"));
		assertThat(stored).hasSize(6).allSatisfy(bytes -> {
			assertThat(bytes).isNotEmpty();
			String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase();
			for (String word : words) {
				assertThat(raw).doesNotContain(word.toLowerCase());
			}
		});

		mvc.perform(get("/me/goals").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Zanzibar goal pomegranate")))
			.andExpect(content().string(containsString("Xylophone commitment tangerine")));
		mvc.perform(get("/me/coping-plan").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Kumquat strategy lagoon")))
			.andExpect(content().string(containsString("Aunt Wilhelmina Okonkwo")))
			.andExpect(content().string(containsString("Phone the Juniper crisis line")));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/goals").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Zanzibar goal pomegranate")))
			.andExpect(content().string(containsString("Suggested as: <span>Quokka proposal marmalade</span>")))
			.andExpect(content().string(containsString("Xylophone commitment tangerine")))
			.andExpect(content().string(containsString("Kumquat strategy lagoon")))
			.andExpect(content().string(containsString("Aunt Wilhelmina Okonkwo")));
		var therapist = practice.user(practice.therapistAEmail());
		var client = context.getBean(care.rapport.clients.Clients.class)
			.openForCare(therapist, practice.clientOfA(), "test")
			.orElseThrow();
		assertThat(context.getBean(Goals.class).of(therapist, client)).singleElement().satisfies(goal -> {
			assertThat(goal.text()).isEqualTo("Zanzibar goal pomegranate");
			assertThat(goal.proposedText()).isEqualTo("Quokka proposal marmalade");
		});
		assertThat(context.getBean(Commitments.class).of(therapist, client)).singleElement()
			.satisfies(commitment -> assertThat(commitment.text()).isEqualTo("Xylophone commitment tangerine"));
		assertThat(context.getBean(CopingPlans.class).of(therapist, client).crisisSteps())
			.isEqualTo("Phone the Juniper crisis line");
	}

	@Test
	void aClientCannotTouchAnotherClientsGoalsOrCommitments() throws Exception {
		mvc.perform(post("/app/clients/" + practice.clientOfB() + "/goals/proposals").with(csrf())
			.with(practice.as(practice.therapistBEmail()))
			.param("text", "Goal of B"));
		mvc.perform(post("/app/clients/" + practice.clientOfB() + "/commitments").with(csrf())
			.with(practice.as(practice.therapistBEmail()))
			.param("text", "Commitment of B"));
		UUID goalOfB = jdbc.sql("select goal_id from goal where client_id = :c").param("c", practice.clientOfB().value())
			.query(UUID.class).single();
		UUID commitmentOfB = commitment("Commitment of B");
		mvc.perform(asClient(post("/me/goals/" + goalOfB + "/accept")).param("text", "mine now"))
			.andExpect(status().isNotFound());
		mvc.perform(asClient(post("/me/goals/" + goalOfB + "/rating")).param("rating", "5"))
			.andExpect(status().isNotFound());
		mvc.perform(asClient(post("/me/commitments/" + commitmentOfB + "/outcome")).param("outcome", "DONE"))
			.andExpect(status().isNotFound());
		mvc.perform(asTherapist(post("/app/clients/" + practice.clientOfA() + "/commitments/" + commitmentOfB
				+ "/outcome")).param("outcome", "DONE"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/me/goals").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(not(containsString("Goal of B"))))
			.andExpect(content().string(not(containsString("Commitment of B"))));
		assertThat(statusOf(goalOfB)).isEqualTo("PROPOSED");
	}

	private List<byte[]> rawColumn(String sql) {
		return jdbc.sql(sql).param("c", practice.clientOfA().value()).query(byte[].class).list();
	}

	private void rate(UUID goal, String rating) throws Exception {
		mvc.perform(asClient(post("/me/goals/" + goal + "/rating")).param("rating", rating))
			.andExpect(status().is3xxRedirection());
	}

	private AppointmentId sessionAgo(Duration ago) {
		return appointments.book(practice.practice().id(), practice.clientOfA(),
				practice.user(practice.therapistAEmail()).id(), Instant.now().minus(ago), Duration.ofMinutes(50));
	}

	private MockHttpServletRequestBuilder asClient(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(practice.as(practice.clientAEmail()));
	}

	private MockHttpServletRequestBuilder asTherapist(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(practice.as(practice.therapistAEmail()));
	}

	private UUID onlyGoal() {
		return jdbc.sql("select goal_id from goal where client_id = :c").param("c", practice.clientOfA().value())
			.query(UUID.class)
			.single();
	}

	private long goalCount() {
		return jdbc.sql("select count(*) from goal where practice_id = :p").param("p", practice.practice().id().value())
			.query(Long.class)
			.single();
	}

	private String statusOf(UUID goal) {
		return jdbc.sql("select status from goal where goal_id = :g").param("g", goal).query(String.class).single();
	}

	private UUID commitment(String containing) {
		// The text is encrypted at rest, so it is matched after decrypting rather than in SQL.
		List<UUID> matching = jdbc.sql("select commitment_id, text from commitment where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query((rs, n) -> decrypt("commitment.text", rs.getBytes("text")).contains(containing)
					? rs.getObject("commitment_id", UUID.class) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		assertThat(matching).hasSize(1);
		return matching.get(0);
	}

	private String decrypt(String field, byte[] ciphertext) {
		return String.valueOf(sensitive.decrypt(practice.practice().id(), field, ciphertext));
	}

	private long audited(String action) {
		return jdbc.sql("select count(*) from audit_event where practice_id = :p and action = :a")
			.param("p", practice.practice().id().value())
			.param("a", action)
			.query(Long.class)
			.single();
	}

}
