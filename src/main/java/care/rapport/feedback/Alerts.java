package care.rapport.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.Actor;
import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.ClientId;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.UserId;
import care.rapport.mail.Outbox;
import care.rapport.mail.MailSettings;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps alerts: raises each at most once while it is being handled, tells its owner by e-mail
 * without clinical content, and records every step in the audit trail.
 */
@Service
public class Alerts {

	/** Most urgent first: open before acknowledged, risk before anything else, then severity, then age. */
	private static final String ORDER = """
			order by case a.status when 'OPEN' then 0 when 'ACKNOWLEDGED' then 1 else 2 end,
			         case a.type when 'RISK' then 0 else 1 end,
			         case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end,
			         a.raised_at
			""";

	private static final String SELECT = """
			select a.*, c.display_name as client_name from alert a
			join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
			""";

	/** Alert notes are clinical free text: encrypted at rest under this field name. */
	static final String NOTE_FIELD = "alert.note";

	private final RowMapper<Alert> alertRow = (rs, n) -> new Alert(new AlertId(rs.getObject("alert_id", UUID.class)),
			new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
			AlertType.valueOf(rs.getString("type")), AlertSeverity.valueOf(rs.getString("severity")),
			rs.getString("reason"), rs.getObject("owner_id", UUID.class), instant(rs, "raised_at"),
			instant(rs, "due_at"), AlertStatus.valueOf(rs.getString("status")),
			rs.getString("action") == null ? null : AlertAction.valueOf(rs.getString("action")),
			sensitiveText().decrypt(new PracticeId(rs.getObject("practice_id", UUID.class)), NOTE_FIELD, rs.getBytes("note")),
			instant(rs, "acknowledged_at"), instant(rs, "escalated_at"),
			rs.getObject("session_number") == null ? null : rs.getInt("session_number"), rs.getBoolean("historical"),
			instant(rs, "reopened_at"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Outbox outbox;

	private final MailSettings mail;

	private final Accounts accounts;

	private final FeedbackSettings settings;

	private final Clock clock;

	private final SensitiveText sensitive;

	Alerts(JdbcClient jdbc, AuditLog audit, Outbox outbox, MailSettings mail, Accounts accounts,
			FeedbackSettings settings, Clock clock, SensitiveText sensitive) {
		this.sensitive = sensitive;
		this.jdbc = jdbc;
		this.audit = audit;
		this.outbox = outbox;
		this.mail = mail;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Raises a live alert outside any known episode; see
	 * {@link #raise(PracticeId, ClientId, UserId, AlertCandidate, UUID, UUID, boolean)}.
	 */
	@Transactional
	public Optional<AlertId> raise(PracticeId practice, ClientId client, UserId owner, AlertCandidate candidate,
			@Nullable UUID administrationId) {
		return raise(practice, client, owner, candidate, administrationId, null, false);
	}

	/**
	 * Raises an alert unless one with the same key is still being handled in this episode, or one
	 * was resolved after the evidence of this candidate was seen (the same evidence does not reopen
	 * it). A historical alert (raised while importing history) is kept apart from live ones: dated
	 * when its evidence was observed, never e-mailed, never in the inbox, never escalated.
	 * @param episodeId the episode the evidence belongs to: a new episode gets new alerts
	 * @return the new alert, or empty when an unresolved one already exists
	 */
	@Transactional
	public Optional<AlertId> raise(PracticeId practice, ClientId client, UserId owner, AlertCandidate candidate,
			@Nullable UUID administrationId, @Nullable UUID episodeId, boolean historical) {
		Instant now = historical ? candidate.observedAt() : clock.instant();
		var id = new AlertId(Ids.next());
		int inserted = jdbc.sql("""
				insert into alert (practice_id, alert_id, client_id, type, dedupe_key, severity, reason, owner_id,
				    administration_id, raised_at, due_at, status, episode_id, session_number, historical)
				select :p, :id, :c, :type, :key, :severity, :reason, :owner, :administration, :now, :due, 'OPEN',
				    :episode, :session, :historical
				where not exists (select 1 from alert where practice_id = :p and client_id = :c and dedupe_key = :key
				                  and episode_id is not distinct from :episode and historical = :historical
				                  and status = 'RESOLVED' and raised_at >= :observed)
				on conflict (practice_id, client_id, episode_id, dedupe_key, historical) where status <> 'RESOLVED'
				do nothing""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("c", client.value())
			.param("type", candidate.type().name())
			.param("key", candidate.dedupeKey())
			.param("severity", candidate.severity().name())
			.param("reason", candidate.reason())
			.param("owner", owner.value())
			.param("administration", administrationId)
			.param("now", utc(now))
			.param("due", utc(now.plus(dueIn(candidate.type()))))
			.param("observed", utc(candidate.observedAt()))
			.param("episode", episodeId)
			.param("session", candidate.sessionNumber())
			.param("historical", historical)
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		if (!historical) {
			audit.record(AuditEntry.aboutClient(practice, Actor.SYSTEM, AuditAction.ALERT_RAISED, client.value(),
					candidate.type().label() + " alert raised for the client's therapist"));
			notifyOwner(practice, owner, candidate.type());
		}
		return Optional.of(id);
	}

	/**
	 * Records one critical answer. It is never absorbed: when the client has an unresolved risk
	 * alert of this instrument in the episode, the answer is added to it as new evidence, an
	 * acknowledged alert opens again, its escalation clock starts again and the therapist is told
	 * again; otherwise a new risk alert is raised with the answer as its first evidence. The same
	 * answer recorded twice (a rerun) adds nothing.
	 * @return the alert the answer is evidence on, and what happened to it
	 */
	@Transactional
	public RiskRecorded recordRisk(PracticeId practice, ClientId client, UserId owner, AlertCandidate candidate,
			RiskAnswer answer, @Nullable UUID episodeId, boolean historical) {
		if (candidate.type() != AlertType.RISK) {
			throw new IllegalArgumentException("Only risk alerts collect critical answers as evidence");
		}
		Instant now = historical ? candidate.observedAt() : clock.instant();
		record Unresolved(UUID alertId, String status) {
		}
		Unresolved existing = jdbc.sql("""
				select alert_id, status from alert
				where practice_id = :p and client_id = :c and dedupe_key = :key and status <> 'RESOLVED'
				  and episode_id is not distinct from :episode and historical = :historical
				for update""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("key", candidate.dedupeKey())
			.param("episode", episodeId)
			.param("historical", historical)
			.query(Unresolved.class)
			.optional()
			.orElse(null);
		if (existing == null) {
			AlertId raised = raise(practice, client, owner, candidate, answer.administrationId(), episodeId, historical)
				.orElseThrow(() -> new IllegalStateException("A risk alert could not be raised"));
			addEvidence(practice, raised.value(), answer, candidate, now, false);
			return new RiskRecorded(raised, RiskRecorded.Outcome.RAISED);
		}
		boolean wasAcknowledged = AlertStatus.valueOf(existing.status()) == AlertStatus.ACKNOWLEDGED;
		if (!addEvidence(practice, existing.alertId(), answer, candidate, now, wasAcknowledged)) {
			return new RiskRecorded(new AlertId(existing.alertId()), RiskRecorded.Outcome.ALREADY_RECORDED);
		}
		// A new answer restarts the clock: open again, due again, escalated again if left again.
		jdbc.sql("""
				update alert set status = 'OPEN', reason = :reason, administration_id = :administration,
				    session_number = :session, due_at = :due, escalated_at = null,
				    reopened_at = case when status = 'ACKNOWLEDGED' then :now else reopened_at end
				where practice_id = :p and alert_id = :id""")
			.param("reason", candidate.reason())
			.param("administration", answer.administrationId())
			.param("session", candidate.sessionNumber())
			.param("due", utc(now.plus(dueIn(AlertType.RISK))))
			.param("now", utc(now))
			.param("p", practice.value())
			.param("id", existing.alertId())
			.update();
		if (!historical) {
			audit.record(AuditEntry.aboutClient(practice, Actor.SYSTEM, AuditAction.ALERT_RAISED, client.value(),
					wasAcknowledged ? "Risk alert re-opened by a new risk answer"
							: "New risk answer added to an open risk alert"));
			notifyOwner(practice, owner, AlertType.RISK);
		}
		return new RiskRecorded(new AlertId(existing.alertId()),
				wasAcknowledged ? RiskRecorded.Outcome.REOPENED : RiskRecorded.Outcome.ADDED);
	}

	/** The critical answers behind a risk alert, oldest first; the caller has checked the care team. */
	public List<RiskEvidence> evidenceOf(PracticeId practice, AlertId alert) {
		return jdbc.sql("""
				select item_id, answer_value, session_number, observed_at, reopened from alert_evidence
				where practice_id = :p and alert_id = :a order by observed_at, recorded_at""")
			.param("p", practice.value())
			.param("a", alert.value())
			.query((rs, n) -> new RiskEvidence(rs.getString("item_id"), (Integer) rs.getObject("answer_value"),
					(Integer) rs.getObject("session_number"), instant(rs, "observed_at"), rs.getBoolean("reopened")))
			.list();
	}

	/**
	 * One critical answer as evidence on a risk alert.
	 * @param itemId the item answered, e.g. "q9"
	 * @param value the answer's value
	 * @param sessionNumber the episode's session, if the answer belongs to one
	 * @param observedAt when it was answered
	 * @param reopened whether it re-opened an acknowledged alert
	 */
	public record RiskEvidence(@Nullable String itemId, @Nullable Integer value, @Nullable Integer sessionNumber,
			Instant observedAt, boolean reopened) {
	}

	/**
	 * The answer behind a risk candidate.
	 * @param administrationId the response it was given in
	 * @param itemId the item
	 * @param value the answer's value
	 */
	public record RiskAnswer(@Nullable UUID administrationId, String itemId, int value) {
	}

	/** What recording a critical answer did. */
	public record RiskRecorded(AlertId alertId, Outcome outcome) {

		public enum Outcome {
			/** A new risk alert with this answer as its first evidence. */
			RAISED,
			/** Added to an alert that was still open. */
			ADDED,
			/** Added to an acknowledged alert, which is open again. */
			REOPENED,
			/** This answer was already evidence on the alert: nothing changed. */
			ALREADY_RECORDED
		}

	}

	private boolean addEvidence(PracticeId practice, UUID alertId, RiskAnswer answer, AlertCandidate candidate,
			Instant now, boolean reopens) {
		return jdbc.sql("""
				insert into alert_evidence (practice_id, evidence_id, alert_id, administration_id, item_id, answer_value,
				    session_number, observed_at, recorded_at, reopened)
				values (:p, :id, :a, :administration, :item, :value, :session, :observed, :now, :reopened)
				on conflict (practice_id, alert_id, administration_id, item_id) do nothing""")
			.param("p", practice.value())
			.param("id", Ids.next())
			.param("a", alertId)
			.param("administration", answer.administrationId())
			.param("item", answer.itemId())
			.param("value", answer.value())
			.param("session", candidate.sessionNumber())
			.param("observed", utc(candidate.observedAt()))
			.param("now", utc(now))
			.param("reopened", reopens)
			.update() == 1;
	}

	private Duration dueIn(AlertType type) {
		return type == AlertType.RISK ? settings.riskAcknowledgeWithin() : settings.acknowledgeWithin();
	}

	/** An e-mail without any client detail: the therapist signs in to see what it is about. */
	private void notifyOwner(PracticeId practice, UserId owner, AlertType type) {
		accounts.member(practice, owner).ifPresent(member -> outbox.enqueue(practice, member.email(),
				type == AlertType.RISK ? "Urgent: a client needs your attention in Rapport"
						: "A client needs your attention in Rapport",
				"""
						Hello %s,

						Rapport has raised an alert for one of your clients. Sign in to see it:
						%s/app/alerts

						For privacy, this message contains no client details.
						""".formatted(member.displayName(), mail.baseUrl())));
	}

	/** Unresolved alerts of the clients on this person's care team, most urgent first. */
	@Transactional
	public List<Alert> forCareTeam(RapportUser staff) {
		List<Alert> alerts = jdbc.sql(SELECT + """
				where a.practice_id = :p and a.status <> 'RESOLVED' and not a.historical and (a.owner_id = :me or a.escalated_to = :me
				    or exists (select 1 from care_team ct where ct.practice_id = a.practice_id
				               and ct.client_id = a.client_id and ct.staff_id = :me))
				""" + ORDER)
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.query(alertRow)
			.list();
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.ALERTS_VIEWED,
				"Viewed " + alerts.size() + " unresolved alerts"));
		return alerts;
	}

	/**
	 * How many alerts of this person's care team wait for acknowledgement: a number for their home
	 * page, naming no client, so not audited (opening the list is).
	 */
	public int countOpenFor(RapportUser staff) {
		return jdbc.sql("""
				select count(*) from alert a join client c on c.practice_id = a.practice_id and c.client_id = a.client_id
				where a.practice_id = :p and a.status = 'OPEN' and (a.owner_id = :me or a.escalated_to = :me
				    or exists (select 1 from care_team ct where ct.practice_id = a.practice_id
				               and ct.client_id = a.client_id and ct.staff_id = :me))""")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.query(Integer.class)
			.single();
	}

	/** Unresolved alerts of many clients, most urgent first within each client. */
	public java.util.Map<ClientId, List<Alert>> unresolvedByClient(PracticeId practice, java.util.Collection<ClientId> clients) {
		if (clients.isEmpty()) {
			return java.util.Map.of();
		}
		var byClient = new java.util.HashMap<ClientId, List<Alert>>();
		jdbc.sql(SELECT + " where a.practice_id = :p and a.status <> 'RESOLVED' and not a.historical and a.client_id = any(:clients) " + ORDER)
			.param("p", practice.value())
			.param("clients", clients.stream().map(ClientId::value).toArray(UUID[]::new))
			.query(alertRow)
			.list()
			.forEach(alert -> byClient.computeIfAbsent(alert.clientId(), c -> new java.util.ArrayList<>()).add(alert));
		return byClient;
	}

	/** All alerts of one client, newest first; the caller has checked the care team. */
	public List<Alert> ofClient(PracticeId practice, ClientId client) {
		return jdbc.sql(SELECT + " where a.practice_id = :p and a.client_id = :c order by a.raised_at desc")
			.param("p", practice.value())
			.param("c", client.value())
			.query(alertRow)
			.list();
	}

	public Optional<Alert> find(RapportUser staff, AlertId id) {
		return jdbc.sql(SELECT + """
				where a.practice_id = :p and a.alert_id = :id and not a.historical and (a.owner_id = :me or a.escalated_to = :me
				    or exists (select 1 from care_team ct where ct.practice_id = a.practice_id
				               and ct.client_id = a.client_id and ct.staff_id = :me))""")
			.param("p", staff.practiceId().value())
			.param("id", id.value())
			.param("me", staff.id().value())
			.query(alertRow)
			.optional();
	}

	/** The care team records what they did. Only an open alert can be acknowledged. */
	@Transactional
	public boolean acknowledge(RapportUser staff, AlertId id, AlertAction action, String note) {
		Alert alert = find(staff, id).orElseThrow(() -> new IllegalArgumentException("No such alert"));
		int updated = jdbc.sql("""
				update alert set status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :me,
				    action = :action, note = :note
				where practice_id = :p and alert_id = :id and status = 'OPEN'""")
			.param("now", utc(clock.instant()))
			.param("me", staff.id().value())
			.param("action", action.name())
			.param("note", note.isBlank() ? null : sensitive.encrypt(staff.practiceId(), NOTE_FIELD, note.strip()))
			.param("p", staff.practiceId().value())
			.param("id", id.value())
			.update();
		if (updated == 1) {
			audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.ALERT_ACKNOWLEDGED,
					alert.clientId().value(), alert.type().label() + " alert acknowledged: " + action.label()));
		}
		return updated == 1;
	}

	@Transactional
	public boolean resolve(RapportUser staff, AlertId id) {
		Alert alert = find(staff, id).orElseThrow(() -> new IllegalArgumentException("No such alert"));
		int updated = jdbc.sql("""
				update alert set status = 'RESOLVED', resolved_at = :now, resolved_by = :me
				where practice_id = :p and alert_id = :id and status = 'ACKNOWLEDGED'""")
			.param("now", utc(clock.instant()))
			.param("me", staff.id().value())
			.param("p", staff.practiceId().value())
			.param("id", id.value())
			.update();
		if (updated == 1) {
			audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.ALERT_RESOLVED,
					alert.clientId().value(), alert.type().label() + " alert resolved"));
		}
		return updated == 1;
	}

	/**
	 * Hands each risk alert still open past its due time to the owner's supervisor (or another
	 * supervisor of the practice), once. With no supervisor at all, the practice admins are asked by
	 * e-mail to reach the therapist; they are not shown the alert, which is clinical content.
	 * @return how many alerts were escalated
	 */
	@Transactional
	public int escalateOverdueRisks() {
		record Overdue(UUID practiceId, UUID alertId, UUID clientId, UUID ownerId) {
		}
		List<Overdue> overdue = jdbc.sql("""
				select practice_id, alert_id, client_id, owner_id from alert
				where type = 'RISK' and status = 'OPEN' and not historical and escalated_at is null and due_at < :now
				for update skip locked""")
			.param("now", utc(clock.instant()))
			.query(Overdue.class)
			.list();
		for (Overdue alert : overdue) {
			var practice = new PracticeId(alert.practiceId());
			// The owner's supervisor, else any supervisor: clinical staff, since admins see no clinical content.
			UUID to = jdbc.sql("""
					select coalesce(
					    (select supervisor_id from supervision where practice_id = :p and therapist_id = :owner limit 1),
					    (select user_id from membership where practice_id = :p and role = 'SUPERVISOR'
					     and user_id <> :owner order by created_at limit 1))""")
				.param("p", alert.practiceId())
				.param("owner", alert.ownerId())
				.query(UUID.class)
				.optional()
				.orElse(null);
			jdbc.sql("update alert set escalated_at = :now, escalated_to = :to where practice_id = :p and alert_id = :id")
				.param("now", utc(clock.instant()))
				.param("to", to)
				.param("p", alert.practiceId())
				.param("id", alert.alertId())
				.update();
			audit.record(AuditEntry.aboutClient(practice, Actor.SYSTEM, AuditAction.ALERT_ESCALATED,
					alert.clientId(), to != null ? "Risk alert not acknowledged in time; escalated to a supervisor"
							: "Risk alert not acknowledged in time; no supervisor, practice admins told to reach the therapist"));
			List<UUID> recipients = to != null ? List.of(to)
					: jdbc.sql("select user_id from membership where practice_id = :p and role = 'PRACTICE_ADMIN'")
						.param("p", alert.practiceId())
						.query(UUID.class)
						.list();
			String therapistName = accounts.member(practice, new UserId(alert.ownerId()))
				.map(Accounts.Member::displayName)
				.orElse("the therapist");
			for (UUID recipient : recipients) {
				accounts.member(practice, new UserId(recipient)).ifPresent(member -> outbox.enqueue(practice,
						member.email(), "Urgent: an unacknowledged risk alert in Rapport", (to != null ? """
								Hello %s,

								A risk alert for a client of %s has not been acknowledged in time.
								Sign in to see it: %s/app/alerts

								For privacy, this message contains no client details.
								""" : """
								Hello %s,

								A risk alert for a client of %s has not been acknowledged in time, and the practice
								has no supervisor to pass it to. Please make sure %2$s sees it today (%s/app/alerts).

								For privacy, this message contains no client details.
								""").formatted(member.displayName(), therapistName, mail.baseUrl())));
			}
		}
		return overdue.size();
	}

	private SensitiveText sensitiveText() {
		return sensitive;
	}

	private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
