package care.rapport.clients;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients known by the id a practice's previous system gave them, for imports of history: found by
 * that id, or created with an open episode and no invitation (the practice invites them when it
 * adds their contact details).
 */
@Service
public class ImportedClients {

	private final JdbcClient jdbc;

	private final Episodes episodes;

	private final Clock clock;

	ImportedClients(JdbcClient jdbc, Episodes episodes, Clock clock) {
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.clock = clock;
	}

	public Optional<ClientId> find(PracticeId practice, String externalId) {
		return jdbc.sql("select client_id from client where practice_id = :p and external_id = :x")
			.param("p", practice.value())
			.param("x", externalId)
			.query(UUID.class)
			.optional()
			.map(ClientId::new);
	}

	/** @return the client with this external id, created with an open episode under {@code therapist} if new */
	@Transactional
	public Created findOrCreate(PracticeId practice, String externalId, UserId therapist) {
		Optional<ClientId> existing = find(practice, externalId);
		if (existing.isPresent()) {
			episodes.currentOrOpen(practice, existing.get(), therapist);
			return new Created(existing.get(), false);
		}
		var id = new ClientId(Ids.next());
		jdbc.sql("""
				insert into client (practice_id, client_id, display_name, email, therapist_id, created_at, external_id)
				values (:p, :id, :name, :email, :therapist, :now, :x)""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("name", "Imported client " + externalId)
			.param("email", "")
			.param("therapist", therapist.value())
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("x", externalId)
			.update();
		episodes.currentOrOpen(practice, id, therapist);
		return new Created(id, true);
	}

	/** A client found or created, and which. */
	public record Created(ClientId id, boolean isNew) {
	}

}
