package care.rapport.measures;

import java.util.Map;

import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The item answers of one response, written in one statement, for live and imported answers alike. */
final class AnswerRows {

	private AnswerRows() {
	}

	static void insert(JdbcClient jdbc, PracticeId practice, AdministrationId id, Map<String, Integer> answers) {
		if (answers.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into answer (practice_id, administration_id, item_id, value)
				select :p, :id, item, value from unnest(cast(:items as text[]), cast(:values as int[])) as a(item, value)""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("items", answers.keySet().toArray(String[]::new))
			.param("values", answers.values().toArray(Integer[]::new))
			.update();
	}

}
