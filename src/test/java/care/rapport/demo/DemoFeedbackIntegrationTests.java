package care.rapport.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.clients.ClientId;
import care.rapport.feedback.Alert;
import care.rapport.feedback.AlertStatus;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.identity.RapportUser;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationStatus;
import care.rapport.measures.Administrations;
import care.rapport.measures.ChangeAssessment;
import care.rapport.measures.ChangeCategory;
import care.rapport.measures.Instruments;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo practice shows every case of feedback-informed care on its first run: signed in as Sam
 * Okafor, a newcomer finds an improving client, and clients off track, deteriorating, with an
 * alliance drop, with a risk answer and one who declines a measure.
 */
@IntegrationTest
@AutoConfigureMockMvc
class DemoFeedbackIntegrationTests {

	private static final String SAM = "therapist@fraservalley.example";

	private static final String ALEX = "alex.rivera@client.fraservalley.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Practices practices;

	@Autowired
	Alerts alerts;

	@Autowired
	Administrations administrations;

	@Autowired
	Instruments instruments;

	@Autowired
	UserDetailsService users;

	PracticeId practice;

	RapportUser sam;

	List<ClientId> samsClients;

	@BeforeEach
	void findTheDemoPractice() {
		practice = practices.findByName(DemoPractice.NAME).orElseThrow();
		sam = (RapportUser) users.loadUserByUsername(SAM);
		samsClients = jdbc.sql("select client_id from client where practice_id = :p and therapist_id = :t")
			.param("p", practice.value())
			.param("t", sam.id().value())
			.query(UUID.class)
			.list()
			.stream()
			.map(ClientId::new)
			.toList();
	}

	@Test
	void samsClientsRaiseRiskDeteriorationOffTrackAndAllianceAlerts() {
		List<Set<AlertType>> raised = new ArrayList<>();
		for (ClientId client : samsClients) {
			Set<AlertType> types = new TreeSet<>(alerts.ofClient(practice, client).stream().map(Alert::type).toList());
			if (!types.isEmpty()) {
				raised.add(types);
			}
		}

		// One client per case, and nothing the cases do not call for.
		assertThat(raised).containsExactlyInAnyOrder(Set.of(AlertType.RISK),
				Set.of(AlertType.DETERIORATION, AlertType.OFF_TRACK), Set.of(AlertType.OFF_TRACK),
				Set.of(AlertType.ALLIANCE));
	}

	@Test
	void theRiskAlertIsOpenAndFirstOnSamsAlertsPage() throws Exception {
		List<Alert> list = alerts.forCareTeam(sam);

		assertThat(list).extracting(Alert::type)
			.containsOnlyOnce(AlertType.RISK)
			.contains(AlertType.DETERIORATION, AlertType.OFF_TRACK, AlertType.ALLIANCE);
		assertThat(list.get(0).type()).isEqualTo(AlertType.RISK);
		assertThat(list.get(0).status()).isEqualTo(AlertStatus.OPEN);
		mvc.perform(get("/app/alerts").with(as(SAM)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(list.get(0).clientName())));
	}

	@Test
	void alexRecoversOnThePhq9WithoutAlertsAndHasMeasuresDueBeforeTomorrowsSession() throws Exception {
		ClientId alex = client("Alex Rivera");
		List<Administration> phq9 = administrations.history(practice, alex)
			.stream()
			.filter(a -> a.instrumentCode().equals("PHQ-9") && a.status() == AdministrationStatus.COMPLETED)
			.toList();

		assertThat(phq9).hasSize(8);
		ChangeAssessment change = ChangeAssessment.assess(instruments.get("PHQ-9"), phq9.get(0).total(),
				phq9.get(phq9.size() - 1).total());
		assertThat(change.category()).isIn(ChangeCategory.RECOVERED, ChangeCategory.IMPROVED);
		assertThat(alerts.ofClient(practice, alex)).isEmpty();
		assertThat(administrations.due(practice, alex)).extracting(Administration::instrumentCode)
			.containsExactlyInAnyOrder("PHQ-9", "GAD-7");
		mvc.perform(get("/me/measures").with(as(ALEX)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PHQ-9")));
		mvc.perform(get("/app/clients/" + alex.value() + "/progress").with(as(SAM))).andExpect(status().isOk());
	}

	@Test
	void theClientWhoDeclinesTheGad7IsNeverChasedForIt() {
		List<ClientId> decliners = samsClients.stream()
			.filter(c -> administrations.history(practice, c)
				.stream()
				.anyMatch(a -> a.status() == AdministrationStatus.DECLINED))
			.toList();

		assertThat(decliners).hasSize(1);
		ClientId decliner = decliners.get(0);
		List<Administration> history = administrations.history(practice, decliner);
		assertThat(history).filteredOn(a -> a.status() == AdministrationStatus.DECLINED)
			.extracting(Administration::instrumentCode, Administration::sessionNumber)
			.containsExactly(tuple("GAD-7", 2), tuple("GAD-7", 3));
		assertThat(history).noneMatch(a -> a.status() == AdministrationStatus.MISSED);
		assertThat(alerts.ofClient(practice, decliner)).extracting(Alert::type).doesNotContain(AlertType.MISSED);
	}

	@Test
	void itemAnswersAddUpToTheTargetTotalWithinEachItemsRange() {
		var random = new Random(1);
		for (int total = 0; total <= 24; total++) {
			Map<String, Integer> answers = DemoFeedback.itemAnswers(total, 3,
					new double[] { 1.0, 1.1, 1.2, 1.3, 0.8, 0.9, 1.0, 0.5, 0 }, 0, random);
			assertThat(answers).hasSize(9).containsEntry("q9", 0);
			assertThat(answers.values()).allMatch(v -> v >= 0 && v <= 3);
			assertThat(answers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
		}
		assertThat(DemoFeedback.itemAnswers(14, 3, new double[] { 1, 1, 1, 1, 1, 1, 1, 1, 0 }, 1, random))
			.containsEntry("q9", 1);
		for (double average = 0; average <= 10; average += 0.25) {
			Map<String, Integer> answers = DemoFeedback.checkInAnswers(average, random);
			assertThat(answers.values()).allMatch(v -> v >= 0 && v <= 10);
			assertThat(answers.values().stream().mapToInt(Integer::intValue).sum() / 4.0).isEqualTo(average);
		}
	}

	private ClientId client(String name) {
		return new ClientId(jdbc.sql("select client_id from client where practice_id = :p and display_name = :n")
			.param("p", practice.value())
			.param("n", name)
			.query(UUID.class)
			.single());
	}

	private RequestPostProcessor as(String email) {
		var user = (RapportUser) users.loadUserByUsername(email);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
