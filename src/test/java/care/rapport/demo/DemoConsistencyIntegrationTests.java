package care.rapport.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo practice tells one consistent story: clients consented before answering, episodes
 * opened with their first session, sessions fall within their therapist's working week, and Alex
 * Rivera has the goals the README promises.
 */
@IntegrationTest
class DemoConsistencyIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Practices practices;

	PracticeId practice;

	@BeforeEach
	void findTheDemoPractice() {
		practice = practices.findByName(DemoPractice.NAME).orElseThrow();
	}

	@Test
	void everyClientWhoAnsweredSignedConsentToCounsellingAndCheckInsBeforeTheirFirstSession() {
		List<String> unconsented = jdbc.sql("""
				select c.display_name from client c
				where c.practice_id = :p
				  and exists (select 1 from administration a where a.practice_id = c.practice_id
				              and a.client_id = c.client_id and a.status = 'COMPLETED')
				  and (select count(distinct d.kind) from consent_signature s
				       join consent_document d on d.practice_id = s.practice_id and d.document_id = s.document_id
				       where s.practice_id = c.practice_id and s.client_id = c.client_id and s.withdrawn_at is null
				         and d.kind in ('TREATMENT', 'MEASUREMENT')
				         and s.signed_at < (select min(ap.starts_at) from appointment ap
				                            where ap.practice_id = c.practice_id and ap.client_id = c.client_id)) < 2""")
			.param("p", practice.value())
			.query(String.class)
			.list();
		long answering = jdbc.sql("""
				select count(distinct client_id) from administration where practice_id = :p and status = 'COMPLETED'""")
			.param("p", practice.value())
			.query(Long.class)
			.single();

		assertThat(answering).isGreaterThan(10);
		assertThat(unconsented).isEmpty();
	}

	@Test
	void eachEpisodeOpenedWithItsFirstSession() {
		List<String> late = jdbc.sql("""
				select c.display_name from episode e join client c on c.practice_id = e.practice_id and c.client_id = e.client_id
				where e.practice_id = :p
				  and e.opened_at > (select min(ap.starts_at) from appointment ap
				                     where ap.practice_id = e.practice_id and ap.episode_id = e.episode_id)""")
			.param("p", practice.value())
			.query(String.class)
			.list();

		assertThat(late).isEmpty();
	}

	@Test
	void everySessionFallsWithinItsTherapistsAvailability() {
		ZoneId zone = practices.get(practice).timeZone();
		record Session(UUID therapistId, OffsetDateTime startsAt, OffsetDateTime endsAt) {
		}
		record Window(UUID therapistId, int dayOfWeek, LocalTime startsAt, LocalTime endsAt) {
		}
		// The demo's histories; other tests may book demo sessions of their own.
		List<Session> sessions = jdbc.sql("""
				select therapist_id, starts_at, ends_at from appointment where practice_id = :p and status = 'ATTENDED'""")
			.param("p", practice.value())
			.query(Session.class)
			.list();
		List<Window> windows = jdbc.sql("""
				select therapist_id, weekday as day_of_week, starts as starts_at, ends as ends_at
				from availability where practice_id = :p""")
			.param("p", practice.value())
			.query(Window.class)
			.list();

		assertThat(sessions).hasSizeGreaterThan(50).allSatisfy(s -> {
			var start = s.startsAt().atZoneSameInstant(zone);
			var end = s.endsAt().atZoneSameInstant(zone);
			DayOfWeek day = start.getDayOfWeek();
			assertThat(windows).as("a window of %s for a session at %s", s.therapistId(), start)
				.anySatisfy(w -> {
					assertThat(w.therapistId()).isEqualTo(s.therapistId());
					assertThat(w.dayOfWeek()).isEqualTo(day.getValue());
					assertThat(start.toLocalTime()).isAfterOrEqualTo(w.startsAt());
					assertThat(end.toLocalTime()).isBeforeOrEqualTo(w.endsAt());
				});
		});
	}

	@Test
	void alexHasGoalsRatedOverHerSessionsAndACommitment() {
		UUID alex = jdbc.sql("select client_id from client where practice_id = :p and display_name = 'Alex Rivera'")
			.param("p", practice.value())
			.query(UUID.class)
			.single();
		List<Integer> ratedSessions = jdbc.sql("""
				select r.session_number from goal_rating r join goal g on g.practice_id = r.practice_id and g.goal_id = r.goal_id
				where g.practice_id = :p and g.client_id = :c order by r.session_number""")
			.param("p", practice.value())
			.param("c", alex)
			.query(Integer.class)
			.list();

		assertThat(ratedSessions).contains(1, 8);
		assertThat(jdbc.sql("select count(*) from goal where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", alex)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from commitment where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", alex)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
