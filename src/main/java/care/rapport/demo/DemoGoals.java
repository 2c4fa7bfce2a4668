package care.rapport.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.Commitments;
import care.rapport.goals.GoalId;
import care.rapport.goals.Goals;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Practice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Alex Rivera's goals, in her own words, rated at each of her sessions as she recovered, and the
 * commitment she made for the week before her next session.
 */
@Component
class DemoGoals {

	/** Each goal with its ratings at sessions 1 to 8, rising as her scores fall. */
	private static final List<Object[]> GOALS = List.of(
			new Object[] { "Stay in team meetings until the end, even when I feel anxious",
					new int[] { 2, 2, 3, 4, 5, 6, 7, 8 } },
			new Object[] { "Sleep at least six hours on most nights", new int[] { 3, 3, 4, 4, 6, 6, 7, 7 } });

	private final Goals goals;

	private final Commitments commitments;

	private final Clients clients;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoGoals(Goals goals, Commitments commitments, Clients clients, Accounts accounts, JdbcClient jdbc) {
		this.goals = goals;
		this.commitments = commitments;
		this.clients = clients;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** Creates Alex's goals, in the caller's transaction, once her sessions exist. */
	void create(Practice practice, UserId alexAccount) {
		var member = accounts.member(practice.id(), alexAccount).orElseThrow();
		RapportUser alex = new RapportUser(alexAccount, member.email(), member.displayName(), practice.id(),
				practice.name(), EnumSet.of(Role.CLIENT), false, null);
		Client record = clients.ownRecord(alex).orElseThrow();
		List<OffsetDateTime> sessions = jdbc.sql("""
				select starts_at from appointment
				where practice_id = :p and client_id = :c and status = 'ATTENDED' order by starts_at""")
			.param("p", practice.id().value())
			.param("c", record.id().value())
			.query(OffsetDateTime.class)
			.list();
		for (Object[] goal : GOALS) {
			GoalId id = goals.write(alex, record, (String) goal[0], null);
			int[] ratings = (int[]) goal[1];
			// Written at her first session and rated at the end of each one since.
			jdbc.sql("update goal set created_at = :at, updated_at = :at where practice_id = :p and goal_id = :g")
				.param("at", sessions.get(0))
				.param("p", practice.id().value())
				.param("g", id.value())
				.update();
			for (int i = 0; i < Math.min(ratings.length, sessions.size()); i++) {
				jdbc.sql("""
						insert into goal_rating (practice_id, goal_id, session_number, rating, rated_at)
						values (:p, :g, :session, :rating, :at)""")
					.param("p", practice.id().value())
					.param("g", id.value())
					.param("session", i + 1)
					.param("rating", ratings[i])
					.param("at", sessions.get(i).plus(Duration.ofMinutes(50)))
					.update();
			}
		}
		commitments.make(alex, record, CommitmentOwner.CLIENT,
				"Use the breathing exercise before Monday's team meeting and stay to the end", null);
	}

}
