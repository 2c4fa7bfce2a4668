package care.rapport.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import care.rapport.identity.UserId;
import care.rapport.measures.EpisodeOutcome;
import care.rapport.measures.Instruments;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Practice outcomes over a period, the way NHS Talking Therapies counts them over PHQ-9 and
 * GAD-7. Every rate comes with its N and definition. Per-therapist figures are for that therapist
 * only; admins see the practice as a whole.
 */
@Service
public class OutcomesReport {

	public static final String POPULATION = "Episodes counted: those whose latest PHQ-9 and GAD-7 were completed in "
			+ "the period, with at least two of each (first and latest compared).";

	public static final String DROPOUT_DEFINITION = "Dropout before session 3: episodes that ended after fewer than "
			+ "3 attended sessions, closed as 'dropped out' or with no session attended or booked in the last 4 weeks "
			+ "of the period; N: episodes whose first session was in the period, at least 4 weeks before its end.";

	private final JdbcClient jdbc;

	private final Instruments instruments;

	OutcomesReport(JdbcClient jdbc, Instruments instruments) {
		this.jdbc = jdbc;
		this.instruments = instruments;
	}

	/** One figure: how many of how many, and what it means. */
	public record Rate(String name, int count, int n, String definition) {

		public @Nullable Double percent() {
			return n == 0 ? null : 100.0 * count / n;
		}

	}

	public record Report(int episodes, List<Rate> rates) {
	}

	private record EpisodeScores(UUID episodeId, UUID therapistId, double phqFirst, double phqLast, double gadFirst,
			double gadLast) {
	}

	/** Outcomes of one therapist's episodes, or of the whole practice when {@code therapist} is none. */
	public Report report(PracticeId practice, @Nullable UserId therapist, Instant from, Instant to) {
		List<EpisodeOutcome> outcomes = scores(practice, therapist, from, to).stream()
			.map(e -> EpisodeOutcome.of(instruments, e.phqFirst(), e.phqLast(), e.gadFirst(), e.gadLast()))
			.toList();
		List<EpisodeOutcome> cases = outcomes.stream().filter(EpisodeOutcome::caseAtStart).toList();
		int[] dropout = dropout(practice, therapist, from, to);
		return new Report(outcomes.size(),
				List.of(rate("Reliable improvement", outcomes, EpisodeOutcome::reliableImprovement,
						EpisodeOutcome.RELIABLE_IMPROVEMENT_DEFINITION),
						rate("Reliable recovery (cases at start)", cases, EpisodeOutcome::reliableRecovery,
								EpisodeOutcome.RELIABLE_RECOVERY_DEFINITION + " " + EpisodeOutcome.CASENESS_DEFINITION),
						rate("Recovery (cases at start)", cases, EpisodeOutcome::recovery,
								EpisodeOutcome.RECOVERY_DEFINITION),
						rate("Reliable deterioration", outcomes, EpisodeOutcome::reliableDeterioration,
								EpisodeOutcome.RELIABLE_DETERIORATION_DEFINITION),
						new Rate("Dropout before session 3", dropout[0], dropout[1], DROPOUT_DEFINITION)));
	}

	private static Rate rate(String name, List<EpisodeOutcome> population, Predicate<EpisodeOutcome> counted,
			String definition) {
		return new Rate(name, (int) population.stream().filter(counted).count(), population.size(), definition);
	}

	private List<EpisodeScores> scores(PracticeId practice, @Nullable UserId therapist, Instant from, Instant to) {
		return jdbc.sql("""
				with scored as (
				  select a.episode_id, e.therapist_id, a.instrument_code, a.total, a.completed_at,
				         row_number() over (partition by a.episode_id, a.instrument_code order by a.completed_at) as first_rank,
				         row_number() over (partition by a.episode_id, a.instrument_code order by a.completed_at desc) as last_rank,
				         count(*) over (partition by a.episode_id, a.instrument_code) as scores
				  from administration a
				  join episode e on e.practice_id = a.practice_id and e.episode_id = a.episode_id
				  where a.practice_id = :p and a.status = 'COMPLETED' and a.instrument_code in ('PHQ-9', 'GAD-7')
				    and (cast(:therapist as uuid) is null or e.therapist_id = cast(:therapist as uuid)))
				select episode_id, therapist_id,
				       max(total) filter (where instrument_code = 'PHQ-9' and first_rank = 1) as phq_first,
				       max(total) filter (where instrument_code = 'PHQ-9' and last_rank = 1) as phq_last,
				       max(total) filter (where instrument_code = 'GAD-7' and first_rank = 1) as gad_first,
				       max(total) filter (where instrument_code = 'GAD-7' and last_rank = 1) as gad_last
				from scored
				group by episode_id, therapist_id
				having min(scores) >= 2 and count(distinct instrument_code) = 2
				   and max(completed_at) filter (where last_rank = 1) >= :from
				   and max(completed_at) filter (where last_rank = 1) < :to""")
			.param("p", practice.value())
			.param("therapist", therapist == null ? null : therapist.value())
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query(EpisodeScores.class)
			.list();
	}

	/** @return dropouts before session 3, and the episodes that could have dropped out (see the definition) */
	private int[] dropout(PracticeId practice, @Nullable UserId therapist, Instant from, Instant to) {
		return jdbc.sql("""
				with episodes as (
				  select e.episode_id, e.closed_at, e.close_reason,
				         min(ap.starts_at) filter (where ap.status = 'ATTENDED') as first_session,
				         count(ap.appointment_id) filter (where ap.status = 'ATTENDED') as attended,
				         max(ap.starts_at) filter (where ap.status in ('ATTENDED', 'SCHEDULED')) as last_activity
				  from episode e
				  left join appointment ap on ap.practice_id = e.practice_id and ap.episode_id = e.episode_id
				  where e.practice_id = :p
				    and (cast(:therapist as uuid) is null or e.therapist_id = cast(:therapist as uuid))
				  group by e.episode_id, e.closed_at, e.close_reason)
				select count(*) filter (where attended < 3 and (close_reason = 'DROPPED_OUT'
				           or (closed_at is null and last_activity < cast(:to as timestamptz) - interval '28 days'))),
				       count(*)
				from episodes
				where first_session >= :from and first_session < cast(:to as timestamptz) - interval '28 days'""")
			.param("p", practice.value())
			.param("therapist", therapist == null ? null : therapist.value())
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
	}

}
