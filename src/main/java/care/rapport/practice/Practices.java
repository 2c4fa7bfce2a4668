package care.rapport.practice;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds practices. */
@Service
public class Practices {

	/** Jurisdictions whose privacy rules Rapport knows; the privacy notice depends on it. */
	public static final List<String> JURISDICTIONS = List.of("British Columbia, Canada", "Alberta, Canada",
			"Ontario, Canada", "Other Canadian province or territory", "United States", "Other");

	private final JdbcClient jdbc;

	private final Clock clock;

	Practices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Practice create(String name, ZoneId timeZone, String jurisdiction) {
		var practice = new Practice(new PracticeId(Ids.next()), name.strip(), timeZone, jurisdiction);
		jdbc.sql("""
				insert into practice (practice_id, name, time_zone, jurisdiction, created_at)
				values (:id, :name, :zone, :jurisdiction, :now)""")
			.param("id", practice.id().value())
			.param("name", practice.name())
			.param("zone", timeZone.getId())
			.param("jurisdiction", jurisdiction)
			.param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		return practice;
	}

	public Optional<Practice> find(PracticeId id) {
		return jdbc.sql("select practice_id, name, time_zone, jurisdiction from practice where practice_id = :id")
			.param("id", id.value())
			.query((rs, n) -> new Practice(new PracticeId(rs.getObject(1, UUID.class)), rs.getString(2),
					ZoneId.of(rs.getString(3)), rs.getString(4)))
			.optional();
	}

	public Practice get(PracticeId id) {
		return find(id).orElseThrow(() -> new IllegalStateException("No practice " + id));
	}

	/** Where this practice's clients should turn in a crisis: its own lines, or its jurisdiction's default. */
	public CrisisResources crisisResources(PracticeId id) {
		var practice = get(id);
		return jdbc.sql("select crisis_lines from practice where practice_id = :id")
			.param("id", id.value())
			.query(String.class)
			.optional()
			.filter(text -> !text.isBlank())
			.map(CrisisResources::parse)
			.orElseGet(() -> CrisisResources.forJurisdiction(practice.jurisdiction()));
	}

	/** Stores the practice's own crisis lines; empty text goes back to the jurisdiction's default. */
	@Transactional
	public void setCrisisLines(PracticeId id, String text) {
		String stored = text.isBlank() ? null : CrisisResources.parse(text).asText();
		jdbc.sql("update practice set crisis_lines = :text where practice_id = :id")
			.param("text", stored)
			.param("id", id.value())
			.update();
	}

	public Optional<PracticeId> findByName(String name) {
		return jdbc.sql("select practice_id from practice where name = :name")
			.param("name", name)
			.query(UUID.class)
			.optional()
			.map(PracticeId::new);
	}

}
