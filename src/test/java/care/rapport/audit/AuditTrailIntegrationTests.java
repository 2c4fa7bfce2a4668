package care.rapport.audit;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.database.DatabaseSuperuser;
import care.rapport.identity.RapportUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditTrailIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
		var practice = TestPractice.create(context);
		RapportUser admin = practice.user(practice.adminEmail());
		audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "x"));
		var p = practice.practice().id().value();

		// Rapport's database role has no right to change or remove records; the triggers refuse even a superuser.
		assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'forged' where practice_id = :p")
			.param("p", p)
			.update()).rootCause().hasMessageContaining("permission denied for table audit_event");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where practice_id = :p").param("p", p).update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_event");
		try (var superuser = DatabaseSuperuser.connect(context)) {
			assertThatThrownBy(() -> superuser.jdbc()
				.sql("update audit_event set detail = 'forged' where practice_id = :p")
				.param("p", p)
				.update()).hasMessageContaining("append-only");
			assertThatThrownBy(() -> superuser.jdbc()
				.sql("delete from audit_event where practice_id = :p")
				.param("p", p)
				.update()).hasMessageContaining("append-only");
		}
		assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :p and detail = 'x'")
			.param("p", p)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void eachRecordCarriesTheHashOfThePreviousOneOfItsPractice() {
		var practice = TestPractice.create(context);
		RapportUser admin = practice.user(practice.adminEmail());
		for (int i = 0; i < 3; i++) {
			audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "n" + i));
		}
		var hashes = jdbc.sql("select prev_hash, hash from audit_event where practice_id = :p order by seq")
			.param("p", practice.practice().id().value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(hashes).hasSize(3);
		assertThat(hashes.get(0)[0]).isEqualTo(AuditLog.GENESIS);
		assertThat(hashes.get(1)[0]).isEqualTo(hashes.get(0)[1]);
		assertThat(hashes.get(2)[0]).isEqualTo(hashes.get(1)[1]);
		assertThat(audit.verifyChain(practice.practice().id()).intact()).isTrue();
	}

	@Test
	void aRecordAlteredBehindTheTriggersBackIsDetected() {
		var practice = TestPractice.create(context);
		RapportUser admin = practice.user(practice.adminEmail());
		for (int i = 0; i < 3; i++) {
			audit.record(AuditEntry.of(practice.practice().id(), admin.actor(), AuditAction.AUDIT_SEARCHED, "n" + i));
		}
		var p = practice.practice().id().value();
		// A superuser can switch the guard off; the chain still tells.
		DatabaseSuperuser.behindTheTriggers(context,
				superuser -> superuser.sql("update audit_event set detail = 'forged' where practice_id = :p and seq = 2")
					.param("p", p)
					.update());
		var check = audit.verifyChain(practice.practice().id());
		assertThat(check.intact()).isFalse();
		assertThat(check.firstBrokenSeq()).isEqualTo(2L);
	}

	@Test
	void aClientsAccessHistoryShowsReadsByOthersOnly() {
		var practice = TestPractice.create(context);
		RapportUser therapist = practice.user(practice.therapistAEmail());
		RapportUser client = practice.user(practice.clientAEmail());
		var id = practice.practice().id();
		audit.record(AuditEntry.aboutClient(id, therapist.actor(), AuditAction.CLIENT_RECORD_VIEWED,
				practice.clientOfA().value(), "Opened the client record"));
		audit.record(AuditEntry.aboutClient(id, therapist.actor(), AuditAction.CLIENT_CREATED,
				practice.clientOfA().value(), "Added"));
		audit.record(AuditEntry.aboutClient(id, client.actor(), AuditAction.CLIENT_RECORD_VIEWED,
				practice.clientOfA().value(), "Own view"));
		audit.record(AuditEntry.aboutClient(id, therapist.actor(), AuditAction.CLIENT_RECORD_VIEWED,
				practice.clientOfB().value(), "Other client"));

		var history = trail.accessHistory(id, practice.clientOfA().value(), client.id().value());

		assertThat(history).singleElement().satisfies(event -> {
			assertThat(event.actorName()).isEqualTo(therapist.displayName());
			assertThat(event.action()).isEqualTo(AuditAction.CLIENT_RECORD_VIEWED);
		});
	}

}
