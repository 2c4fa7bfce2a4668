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

	Episodes(JdbcClient jdbc, Clock clock) {
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

	public Optional<Episode> current(PracticeId practice, ClientId client) {
		return jdbc.sql("select * from episode where practice_id = :p and client_id = :c and closed_at is null")
			.param("p", practice.value())
			.param("c", client.value())
			.query(EPISODE)
			.optional();
	}

}
