package care.rapport.clients;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Episodes of care. A client has at most one open episode; the database enforces it. */
@Service
public class Episodes {

	private static final RowMapper<Episode> EPISODE = (rs, n) -> new Episode(
			new EpisodeId(rs.getObject("episode_id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
			rs.getObject("therapist_id", UUID.class), rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
			rs.getObject("closed_at", OffsetDateTime.class) == null ? null
					: rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
			rs.getString("close_reason"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final care.rapport.practice.SensitiveText sensitive;

	private final care.rapport.audit.AuditLog audit;

	Episodes(JdbcClient jdbc, Clock clock, care.rapport.practice.SensitiveText sensitive,
			care.rapport.audit.AuditLog audit) {
		this.sensitive = sensitive;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The client's open episode, opened now with this therapist if there is none. */
	@Transactional
	public Episode currentOrOpen(PracticeId practice, ClientId client, UserId therapist) {
		return current(practice, client).orElseGet(() -> {
			jdbc.sql("""
					insert into episode (practice_id, episode_id, client_id, therapist_id, opened_at)
					values (:p, :e, :c, :t, :now) on conflict do nothing""")
				.param("p", practice.value())
				.param("e", Ids.next())
				.param("c", client.value())
				.param("t", therapist.value())
				.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
			return current(practice, client).orElseThrow();
		});
	}

	/** Why an episode can end. */
	public static final java.util.List<String> CLOSE_REASONS = java.util.List.of("COMPLETED", "CLIENT_ENDED",
			"DROPPED_OUT", "REFERRED");

	/**
	 * Closes the client's open episode with a reason and a closing summary (encrypted). The caller
	 * checked that the staff member is on the care team.
	 * @throws EpisodeRefused for an unknown reason, a summary too long, or when no episode is open
	 */
	@Transactional
	public void close(care.rapport.identity.RapportUser staff, ClientId client, String reason, String summary) {
		if (!CLOSE_REASONS.contains(reason)) {
			throw EpisodeRefused.reasonMissing();
		}
		if (summary.length() > 4000) {
			throw EpisodeRefused.summaryTooLong(summary.length());
		}
		int closed = jdbc.sql("""
				update episode set closed_at = :now, close_reason = :reason, closing_summary = :summary
				where practice_id = :p and client_id = :c and closed_at is null""")
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("reason", reason)
			.param("summary", summary.isBlank() ? null
					: sensitive.encrypt(staff.practiceId(), "episode.closing_summary", summary.strip()))
			.param("p", staff.practiceId().value())
			.param("c", client.value())
			.update();
		if (closed == 0) {
			throw EpisodeRefused.noneOpen();
		}
		audit.record(care.rapport.audit.AuditEntry.aboutClient(staff.practiceId(), staff.actor(),
				care.rapport.audit.AuditAction.CLIENT_SETTINGS_CHANGED, client.value(),
				"Closed the episode of care: " + reason.toLowerCase().replace('_', ' ')));
	}

	public Optional<Episode> current(PracticeId practice, ClientId client) {
		return jdbc.sql("select * from episode where practice_id = :p and client_id = :c and closed_at is null")
			.param("p", practice.value())
			.param("c", client.value())
			.query(EPISODE)
			.optional();
	}

}
