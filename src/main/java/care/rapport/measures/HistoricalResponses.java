package care.rapport.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses given before the practice used Rapport, recorded from imported history with the source
 * {@code IMPORT}. They are scored like any response and announced as {@link ResponseScored}, so
 * trajectories and alert rules see them as if entered live. They were never asked in Rapport, so
 * they do not go through the due list (nor its consent gate): the importing admin confirms the
 * practice holds measurement consent for them.
 */
@Service
public class HistoricalResponses {

	public static final String SOURCE = "IMPORT";

	private final JdbcClient jdbc;

	private final Instruments instruments;

	private final ApplicationEventPublisher events;

	HistoricalResponses(JdbcClient jdbc, Instruments instruments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.events = events;
	}

	/**
	 * Scores answers, or takes a total when only the total is known, without storing anything.
	 * @throws InvalidAnswersException for missing, unknown or out-of-range answers
	 * @throws IllegalArgumentException for a total the instrument cannot give
	 */
	public Score score(PracticeId practice, String code, Map<String, Integer> answers, @Nullable BigDecimal total) {
		InstrumentDefinition definition = instruments.get(practice, code);
		if (!answers.isEmpty()) {
			Score score = definition.score(answers);
			if (total != null && score.total().compareTo(total) != 0) {
				throw new IllegalArgumentException("the " + code + " total " + total.toPlainString()
						+ " is not the sum of its items (" + score.total().toPlainString() + ")");
			}
			return score;
		}
		if (total == null || !definition.isPossibleTotal(total)) {
			throw new IllegalArgumentException(
					code + " total " + (total == null ? "missing" : total.toPlainString()) + " is not a possible total");
		}
		return new Score(code, definition.version(), total, Map.of(),
				definition.bandFor(total).map(SeverityBand::label).orElse(null), definition.inClinicalRange(total),
				List.of());
	}

	/** Records and scores one historical response against a past session, and announces it. */
	@Transactional
	public AdministrationId record(PracticeId practice, ClientId client, UUID episode, UUID appointment, String code,
			Map<String, Integer> answers, @Nullable BigDecimal total, Instant answeredAt, UserId importedBy) {
		Score score = score(practice, code, answers, total);
		var id = new AdministrationId(Ids.next());
		jdbc.sql("""
				insert into administration (practice_id, administration_id, client_id, episode_id, appointment_id,
				    instrument_code, instrument_version, due_at, status, source, completed_at, entered_by, total, band,
				    in_clinical_range)
				values (:p, :id, :c, :e, :a, :code, :version, :at, 'COMPLETED', :source, :at, :by, :total, :band, :clinical)""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("c", client.value())
			.param("e", episode)
			.param("a", appointment)
			.param("code", code)
			.param("version", Integer.toString(score.instrumentVersion()))
			.param("at", OffsetDateTime.ofInstant(answeredAt, ZoneOffset.UTC))
			.param("source", SOURCE)
			.param("by", importedBy.value())
			.param("total", score.total())
			.param("band", score.band())
			.param("clinical", score.inClinicalRange())
			.update();
		AnswerRows.insert(jdbc, practice, id, answers);
		events.publishEvent(new ResponseScored(practice, client, id, score));
		return id;
	}

}
