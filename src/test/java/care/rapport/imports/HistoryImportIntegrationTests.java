package care.rapport.imports;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.feedback.AlertRules;
import care.rapport.feedback.AlertSettings;
import care.rapport.feedback.AlertType;
import care.rapport.feedback.Alerts;
import care.rapport.feedback.PracticeTrajectories;
import care.rapport.feedback.cohort.CohortGenerator;
import care.rapport.feedback.cohort.CohortParameters;
import care.rapport.feedback.cohort.CohortReplay;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An admin imports a small generated cohort twice: the first import records every session through
 * scoring and the alert rules (the same alerts, at the same sessions, as replaying the rules
 * directly), kept as historical; the second adds nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class HistoryImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Alerts alerts;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void importingAGeneratedFileTwiceRecordsItOnceWithHistoricalAlertsOnly() throws Exception {
		var cohort = CohortGenerator.generate(CohortParameters.published(25), 5);
		byte[] file = csv(cohort);
		long mailsBefore = mailsTo(practice.therapistAEmail());

		importing(file, "import").andExpect(status().isOk())
			.andExpect(content().string(containsString("Imported")))
			.andExpect(content().string(containsString("25</span> clients")))
			.andExpect(content().string(not(containsString("Off track"))))
			.andExpect(content().string(not(containsString("Reliable deterioration"))));

		int sessions = cohort.stream().mapToInt(c -> c.sessions().size()).sum();
		assertThat(count("select count(*) from history_import_row where practice_id = :p")).isEqualTo(sessions);
		long responses = cohort.stream()
			.flatMap(c -> c.sessions().stream())
			.mapToLong(s -> 1 + (s.gad7() == null ? 0 : 1) + (s.checkIn() == null ? 0 : 1))
			.sum();
		assertThat(count("select count(*) from administration where practice_id = :p and source = 'IMPORT'"))
			.isEqualTo(responses);

		// the same alerts at the same sessions as the rules replayed session by session
		var rules = new AlertRules(AlertSettings.DEFAULTS, PracticeTrajectories.defaults());
		Set<String> expected = cohort.stream()
			.flatMap(c -> CohortReplay.replay(rules, c).stream())
			.filter(r -> r.type() != AlertType.RISK)
			.map(r -> r.client() + "," + r.session() + "," + r.type())
			.collect(Collectors.toSet());
		Set<String> stored = Set.copyOf(jdbc.sql("""
				select c.external_id || ',' || a.session_number || ',' || a.type from alert a
				join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				where a.practice_id = :p and a.type <> 'RISK'""")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list());
		assertThat(expected).isNotEmpty();
		assertThat(stored).isEqualTo(expected);
		// every item-9 answer is evidence on a risk alert
		long riskAnswers = cohort.stream().flatMap(c -> c.sessions().stream()).filter(s -> s.phq9()[8] > 0).count();
		assertThat(count("select count(*) from alert_evidence where practice_id = :p")).isEqualTo(riskAnswers);

		// historical: none unhistorical, none in the inbox, none e-mailed
		assertThat(count("select count(*) from alert where practice_id = :p and not historical")).isZero();
		assertThat(alerts.forCareTeam(practice.user(practice.therapistAEmail()))).isEmpty();
		assertThat(mailsTo(practice.therapistAEmail())).isEqualTo(mailsBefore);
		assertThat(jdbc.sql("select detail from audit_event where practice_id = :p and action = 'HISTORY_IMPORTED'")
			.param("p", practice.practice().id().value())
			.query(String.class)
			.list()).singleElement().asString().contains("measurement consent");

		long alertsAfterFirst = count("select count(*) from alert where practice_id = :p");
		importing(file, "import").andExpect(content().string(containsString("Already imported")));
		assertThat(count("select count(*) from administration where practice_id = :p and source = 'IMPORT'"))
			.isEqualTo(responses);
		assertThat(count("select count(*) from alert where practice_id = :p")).isEqualTo(alertsAfterFirst);
		assertThat(count("select count(*) from client where practice_id = :p and external_id is not null")).isEqualTo(25);
	}

	@Test
	void aFileWithBadRowsNamesEachRowAndStoresNothing() throws Exception {
		String file = CohortGenerator.HEADER + "\n" + "C1,1,2024-02-01,1,1,1,1,1,1,1,1,0,8,,,,,,,,,9,9,9,9\n"
				+ "C1,2,2024-01-25,1,1,1,1,1,1,1,1,0,8,,,,,,,,,9,9,9,9\n"
				+ ",1,2024-02-01,1,1,1,1,1,1,1,1,0,8,,,,,,,,,9,9,9,9\n"
				+ "C2,1,2024-02-01,4,1,1,1,1,1,1,1,0,11,,,,,,,,,9,9,9,9\n";

		importing(file.getBytes(StandardCharsets.UTF_8), "import").andExpect(content().string(containsString("Nothing was imported")))
			.andExpect(content().string(containsString("Dates out of order")))
			.andExpect(content().string(containsString("The client id is missing")))
			.andExpect(content().string(containsString("PHQ-9 item 1 4 is impossible")));

		assertThat(count("select count(*) from administration where practice_id = :p and source = 'IMPORT'")).isZero();
		assertThat(count("select count(*) from client where practice_id = :p and external_id is not null")).isZero();
	}

	@Test
	void importingNeedsTheConsentConfirmationAndOnlyAnAdminMayImport() throws Exception {
		byte[] file = csv(CohortGenerator.generate(CohortParameters.published(2), 9));
		mvc.perform(multipart("/app/imports").file(new MockMultipartFile("file", "h.csv", "text/csv", file))
			.param("mode", "import")
			.param("therapist", practice.user(practice.therapistAEmail()).id().value().toString())
			.with(csrf())
			.with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString("Confirm that the practice holds measurement consent")));
		assertThat(count("select count(*) from administration where practice_id = :p and source = 'IMPORT'")).isZero();
		mvc.perform(multipart("/app/imports").file(new MockMultipartFile("file", "h.csv", "text/csv", file))
			.param("mode", "import")
			.with(csrf())
			.with(practice.as(practice.therapistAEmail()))).andExpect(status().isNotFound());
	}

	private ResultActions importing(byte[] file, String mode) throws Exception {
		return mvc.perform(multipart("/app/imports").file(new MockMultipartFile("file", "history.csv", "text/csv", file))
			.param("mode", mode)
			.param("therapist", practice.user(practice.therapistAEmail()).id().value().toString())
			.param("consent", "true")
			.with(csrf())
			.with(practice.as(practice.adminEmail())));
	}

	private static byte[] csv(List<CohortGenerator.SimulatedClient> cohort) throws Exception {
		var out = new StringWriter();
		CohortGenerator.write(cohort, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private long count(String sql) {
		return jdbc.sql(sql).param("p", practice.practice().id().value()).query(Long.class).single();
	}

	private long mailsTo(String email) {
		return jdbc.sql("select count(*) from outbox_message where recipient = :r").param("r", email).query(Long.class).single();
	}

}
