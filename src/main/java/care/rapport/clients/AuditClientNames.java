package care.rapport.clients;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import care.rapport.audit.ClientNames;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gives the audit trail the names of the clients its rows are about, within one practice. */
@Component
class AuditClientNames implements ClientNames {

	private final JdbcClient jdbc;

	AuditClientNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, String> namesOf(PracticeId practice, Collection<UUID> clientIds) {
		if (clientIds.isEmpty()) {
			return Map.of();
		}
		record Row(UUID clientId, String displayName) {
		}
		List<Row> rows = jdbc.sql("""
				select client_id, display_name from client
				where practice_id = :p and client_id in (:ids)""")
			.param("p", practice.value())
			.param("ids", List.copyOf(clientIds))
			.query(Row.class)
			.list();
		return rows.stream().collect(Collectors.toMap(Row::clientId, Row::displayName));
	}

}
