package care.rapport.audit;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.database.DatabaseSuperuser;
import care.rapport.identity.RapportUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Checkpoints anchor a practice's audit chain, so records cut off its end (which leaves the rest
 * linked) no longer pass the integrity check; the checkpoints themselves are append-only.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuditCheckpointIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
		RapportUser admin = practice.user(practice.adminEmail());
		for (int i = 0; i < 5; i++) {
			audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "n" + i));
		}
	}

	@Test
	void recordsCutOffTheEndBehindTheTriggersBackAreReportedAsMissing() {
		var checkpoint = checkpoints.take(practice.practice().id()).orElseThrow();
		long head = head();
		assertThat(checkpoint.recordCount()).isEqualTo(head);
		assertThat(audit.verifyChain(practice.practice().id()).intact()).isTrue();

		// Someone with superuser rights deletes the latest two records with the triggers off.
		DatabaseSuperuser.behindTheTriggers(context,
				superuser -> assertThat(superuser.sql("delete from audit_event where practice_id = :p and seq > :s")
					.param("p", practice.practice().id().value())
					.param("s", head - 2)
					.update()).isEqualTo(2));

		var check = audit.verifyChain(practice.practice().id());
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBrokenSeq()).as("what remains still links up").isNull();
		assertThat(check.recordsMissing()).isTrue();
		assertThat(check.missingCount()).isEqualTo(2);
		assertThat(check.failedCheckpoint()).isEqualTo(checkpoint);
		assertThat(checkpoints.take(practice.practice().id())).as("no checkpoint over a cut trail").isEmpty();

		String page = auditPage();
		assertThat(page).contains("Integrity check FAILED: records are missing after the checkpoint of",
				"which counted " + head + " records").doesNotContain("Integrity check passed");
	}

	@Test
	void recordsCutOffAndWrittenAgainNoLongerMatchTheCheckpoint() {
		var checkpoint = checkpoints.take(practice.practice().id()).orElseThrow();
		long head = head();
		DatabaseSuperuser.behindTheTriggers(context,
				superuser -> superuser.sql("delete from audit_event where practice_id = :p and seq > :s")
					.param("p", practice.practice().id().value())
					.param("s", head - 1)
					.update());
		RapportUser admin = practice.user(practice.adminEmail());
		for (int i = 0; i < 2; i++) {
			audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "again"));
		}

		var check = audit.verifyChain(practice.practice().id());
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBrokenSeq()).isEqualTo(checkpoint.recordCount());
	}

	@Test
	void aCheckpointIsTakenOnlyWhenTheTrailHasGrownAndNeverOverAnAlteredOne() {
		var first = checkpoints.take(practice.practice().id()).orElseThrow();
		assertThat(checkpoints.take(practice.practice().id())).contains(first);
		assertThat(count()).isEqualTo(1);

		DatabaseSuperuser.behindTheTriggers(context,
				superuser -> superuser.sql("update audit_event set detail = 'forged' where practice_id = :p and seq = :s")
					.param("p", practice.practice().id().value())
					.param("s", first.recordCount())
					.update());
		RapportUser admin = practice.user(practice.adminEmail());
		audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "later"));

		assertThat(checkpoints.take(practice.practice().id())).isEmpty();
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void theScheduleAnchorsEveryPracticeWhoseTrailGrew() {
		context.getBean(CheckpointSchedule.class).takeCheckpoints();
		assertThat(checkpoints.latest(practice.practice().id())).hasValueSatisfying(
				checkpoint -> assertThat(checkpoint.recordCount()).isEqualTo(head()));
	}

	@Test
	void checkpointsCannotBeChangedRemovedOrForged() {
		checkpoints.take(practice.practice().id()).orElseThrow();
		var p = practice.practice().id().value();
		assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint where practice_id = :p").param("p", p).update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_checkpoint");
		assertThatThrownBy(() -> jdbc.sql("update audit_checkpoint set record_count = 1 where practice_id = :p")
			.param("p", p)
			.update()).rootCause().hasMessageContaining("permission denied for table audit_checkpoint");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into audit_checkpoint (practice_id, checkpoint_id, taken_at, record_count, head_hash)
				values (:p, gen_random_uuid(), now(), 1, :h)""").param("p", p).param("h", "a".repeat(64)).update())
			.hasMessageContaining("audit checkpoint refused");
		try (var superuser = DatabaseSuperuser.connect(context)) {
			assertThatThrownBy(() -> superuser.jdbc()
				.sql("delete from audit_checkpoint where practice_id = :p")
				.param("p", p)
				.update()).hasMessageContaining("append-only");
		}
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void theAdminSeesTheLatestCheckpointAndRecordsOneOnDemand() throws Exception {
		assertThat(auditPage()).contains("No checkpoint yet.", "Record a checkpoint now");

		var response = mvc.perform(post("/app/audit/checkpoint").with(practice.as(practice.adminEmail())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/app/audit");

		var checkpoint = checkpoints.latest(practice.practice().id()).orElseThrow();
		assertThat(auditPage()).contains("Latest checkpoint:", checkpoint.recordCount() + " records",
				checkpoint.shortHash(), "Integrity check passed",
				"none is missing since the latest checkpoint");
	}

	/** The admin's audit page as text, without its tags. */
	private String auditPage() {
		try {
			return mvc.perform(get("/app/audit").with(practice.as(practice.adminEmail())))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.replaceAll("<[^>]+>", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long head() {
		return jdbc.sql("select max(seq) from audit_event where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single();
	}

	private long count() {
		return jdbc.sql("select count(*) from audit_checkpoint where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Long.class)
			.single();
	}

}
