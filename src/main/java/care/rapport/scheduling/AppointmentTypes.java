package care.rapport.scheduling;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The kinds of session a practice offers (intake, session, telehealth…), each with its usual length. */
@Service
public class AppointmentTypes {

	/** A kind of session. */
	public record Type(UUID id, String name, int minutes, boolean telehealth) {
	}

	private final JdbcClient jdbc;

	AppointmentTypes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Type> active(PracticeId practice) {
		return jdbc.sql("""
				select type_id, name, minutes, telehealth from appointment_type
				where practice_id = :p and active order by name""")
			.param("p", practice.value())
			.query((rs, n) -> new Type(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
			.list();
	}

	public Optional<Type> find(PracticeId practice, UUID id) {
		return active(practice).stream().filter(t -> t.id().equals(id)).findFirst();
	}

	/** @throws IllegalArgumentException for a missing or duplicate name, or a length outside 10–240 minutes */
	@Transactional
	public UUID add(PracticeId practice, String name, int minutes, boolean telehealth) {
		if (name.isBlank() || name.length() > 60) {
			throw new IllegalArgumentException("Give the kind of session a name (up to 60 characters).");
		}
		if (minutes < 10 || minutes > 240) {
			throw new IllegalArgumentException("A session lasts between 10 and 240 minutes.");
		}
		if (active(practice).stream().anyMatch(t -> t.name().equalsIgnoreCase(name.strip()))) {
			throw new IllegalArgumentException("There is already a kind of session with that name.");
		}
		UUID id = Ids.next();
		jdbc.sql("""
				insert into appointment_type (practice_id, type_id, name, minutes, telehealth)
				values (:p, :id, :name, :minutes, :telehealth)""")
			.param("p", practice.value())
			.param("id", id)
			.param("name", name.strip())
			.param("minutes", minutes)
			.param("telehealth", telehealth)
			.update();
		return id;
	}

	/**
	 * Retires a kind of session; sessions already booked keep it.
	 * @return false when the practice has no such kind (another practice's id included)
	 */
	@Transactional
	public boolean retire(PracticeId practice, UUID id) {
		return jdbc.sql("update appointment_type set active = false where practice_id = :p and type_id = :id")
			.param("p", practice.value())
			.param("id", id)
			.update() > 0;
	}

}
