package care.rapport.goals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import care.rapport.goals.Commitment;
import care.rapport.goals.CommitmentId;
import care.rapport.goals.CommitmentOutcome;
import care.rapport.goals.CommitmentOwner;
import care.rapport.goals.CopingPlan;
import care.rapport.goals.Goal;
import care.rapport.goals.GoalId;
import care.rapport.goals.GoalRating;
import care.rapport.goals.GoalStatus;
import care.rapport.identity.UserId;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read and write of the goals module's tables. Goal, commitment and coping-plan text is
 * sensitive free text: it passes through this class only and is encrypted at rest here with
 * {@link SensitiveText} (encrypt on write, decrypt on read), one field name per column, so the
 * services and pages see plain text and the database only ciphertext. The database therefore
 * cannot compare, search or measure that text; such checks happen in Java. Callers have checked
 * who may act on which client.
 */
@Repository
public class GoalStore {

	private static final String GOALS = """
			select g.*, g.proposed_by = c.user_id as written_by_client
			from goal g join client c on c.practice_id = g.practice_id and c.client_id = g.client_id
			""";

	// The field names are bound into each ciphertext as associated data: never rename them.
	static final String GOAL_TEXT = "goal.text";

	static final String GOAL_PROPOSED_TEXT = "goal.proposed_text";

	static final String COMMITMENT_TEXT = "commitment.text";

	static final String COPING_STRATEGIES = "coping_plan.strategies";

	static final String COPING_PEOPLE = "coping_plan.people";

	static final String COPING_CRISIS_STEPS = "coping_plan.crisis_steps";

	private final RowMapper<Goal> goalRow = (rs, n) -> new Goal(new GoalId(rs.getObject("goal_id", UUID.class)),
			new ClientId(rs.getObject("client_id", UUID.class)), new EpisodeId(rs.getObject("episode_id", UUID.class)),
			decrypted(rs, GOAL_TEXT, "text"), decryptedOrNull(rs, GOAL_PROPOSED_TEXT, "proposed_text"),
			GoalStatus.valueOf(rs.getString("status")),
			rs.getObject("proposed_by", UUID.class), rs.getBoolean("written_by_client"),
			instant(rs.getObject("created_at", OffsetDateTime.class)),
			instant(rs.getObject("updated_at", OffsetDateTime.class)), List.of());

	private final RowMapper<Commitment> commitmentRow = (rs, n) -> new Commitment(
			new CommitmentId(rs.getObject("commitment_id", UUID.class)),
			new ClientId(rs.getObject("client_id", UUID.class)), new EpisodeId(rs.getObject("episode_id", UUID.class)),
			CommitmentOwner.valueOf(rs.getString("owner")), decrypted(rs, COMMITMENT_TEXT, "text"),
			rs.getObject("made_by", UUID.class),
			instant(rs.getObject("made_at", OffsetDateTime.class)), rs.getInt("made_at_session"),
			rs.getInt("due_by_session"),
			rs.getString("outcome") == null ? null : CommitmentOutcome.valueOf(rs.getString("outcome")),
			rs.getObject("checked_at", OffsetDateTime.class) == null ? null
					: instant(rs.getObject("checked_at", OffsetDateTime.class)),
			rs.getObject("checked_by", UUID.class));

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	GoalStore(JdbcClient jdbc, SensitiveText sensitive) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
	}

	/** Stores a new goal; a repeat of the same request key returns the goal stored the first time. */
	public GoalId insertGoal(PracticeId practice, ClientId client, EpisodeId episode, String text, GoalStatus status,
			UserId proposedBy, UUID requestKey, Instant now) {
		jdbc.sql("""
				insert into goal (practice_id, goal_id, client_id, episode_id, text, status, proposed_by, request_key,
				    created_at, updated_at)
				values (:p, :g, :c, :e, :t, :s, :by, :key, :now, :now)
				on conflict (practice_id, request_key) do nothing""")
			.param("p", practice.value())
			.param("g", care.rapport.practice.Ids.next())
			.param("c", client.value())
			.param("e", episode.value())
			.param("t", sensitive.encrypt(practice, GOAL_TEXT, text))
			.param("s", status.name())
			.param("by", proposedBy.value())
			.param("key", requestKey)
			.param("now", utc(now))
			.update();
		return jdbc.sql("select goal_id from goal where practice_id = :p and request_key = :key")
			.param("p", practice.value())
			.param("key", requestKey)
			.query(UUID.class)
			.optional()
			.map(GoalId::new)
			.orElseThrow();
	}

	/** The client's goals in an episode, oldest first, each with its ratings by session. */
	public List<Goal> goals(PracticeId practice, ClientId client, EpisodeId episode) {
		List<Goal> goals = jdbc.sql(GOALS + """
				where g.practice_id = :p and g.client_id = :c and g.episode_id = :e
				order by g.created_at, g.goal_id""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("e", episode.value())
			.query(goalRow)
			.list();
		Map<UUID, List<GoalRating>> ratings = new HashMap<>();
		jdbc.sql("""
				select r.goal_id, r.session_number, r.rating, r.rated_at from goal_rating r
				join goal g on g.practice_id = r.practice_id and g.goal_id = r.goal_id
				where r.practice_id = :p and g.client_id = :c and g.episode_id = :e
				order by r.session_number""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("e", episode.value())
			.query((rs, n) -> ratings.computeIfAbsent(rs.getObject("goal_id", UUID.class), k -> new ArrayList<>())
				.add(new GoalRating(rs.getInt("session_number"), rs.getInt("rating"),
						instant(rs.getObject("rated_at", OffsetDateTime.class)))))
			.list();
		return goals.stream()
			.map(g -> new Goal(g.id(), g.clientId(), g.episodeId(), g.text(), g.proposedText(), g.status(),
					g.proposedBy(), g.writtenByClient(), g.createdAt(), g.updatedAt(),
					List.copyOf(ratings.getOrDefault(g.id().value(), List.of()))))
			.toList();
	}

	public Optional<Goal> goal(PracticeId practice, ClientId client, GoalId goal) {
		return jdbc.sql(GOALS + " where g.practice_id = :p and g.client_id = :c and g.goal_id = :g")
			.param("p", practice.value())
			.param("c", client.value())
			.param("g", goal.value())
			.query(goalRow)
			.optional();
	}

	/**
	 * A proposal becomes the client's active goal in the words given; when they differ from the
	 * proposal, the proposal is kept alongside. Zero when the goal is no longer a proposal.
	 */
	public int accept(PracticeId practice, ClientId client, GoalId goal, String text, Instant now) {
		// Ciphertexts cannot be compared in SQL: read the proposal (locking the row until the
		// update), compare in plain text here, and keep the proposal under its own field name.
		Optional<byte[]> proposal = jdbc.sql("""
				select text from goal
				where practice_id = :p and client_id = :c and goal_id = :g and status = 'PROPOSED'
				for update""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("g", goal.value())
			.query(byte[].class)
			.optional();
		if (proposal.isEmpty()) {
			return 0;
		}
		String proposed = java.util.Objects.requireNonNull(sensitive.decrypt(practice, GOAL_TEXT, proposal.get()));
		return jdbc.sql("""
				update goal set proposed_text = :kept, text = :t, status = 'ACTIVE', updated_at = :now
				where practice_id = :p and client_id = :c and goal_id = :g and status = 'PROPOSED'""")
			.param("kept", text.equals(proposed) ? null : sensitive.encrypt(practice, GOAL_PROPOSED_TEXT, proposed))
			.param("t", sensitive.encrypt(practice, GOAL_TEXT, text))
			.param("now", utc(now))
			.param("p", practice.value())
			.param("c", client.value())
			.param("g", goal.value())
			.update();
	}

	/** Moves a goal from one of {@code from} to {@code to}; zero when it was in none of them. */
	public int changeStatus(PracticeId practice, ClientId client, GoalId goal, List<GoalStatus> from, GoalStatus to,
			Instant now) {
		return jdbc.sql("""
				update goal set status = :to, updated_at = :now
				where practice_id = :p and client_id = :c and goal_id = :g and status in (:from)""")
			.param("to", to.name())
			.param("now", utc(now))
			.param("p", practice.value())
			.param("c", client.value())
			.param("g", goal.value())
			.param("from", from.stream().map(Enum::name).toList())
			.update();
	}

	/** Records the rating of a goal at a session; rating the same session again replaces it. */
	public void rate(PracticeId practice, GoalId goal, int session, int rating, Instant now) {
		jdbc.sql("""
				insert into goal_rating (practice_id, goal_id, session_number, rating, rated_at)
				values (:p, :g, :s, :r, :now)
				on conflict on constraint goal_rating_pk do update set rating = excluded.rating, rated_at = excluded.rated_at""")
			.param("p", practice.value())
			.param("g", goal.value())
			.param("s", session)
			.param("r", rating)
			.param("now", utc(now))
			.update();
	}

	/** Stores a commitment; a repeat of the same request key returns the one stored the first time. */
	public CommitmentId insertCommitment(PracticeId practice, ClientId client, EpisodeId episode,
			CommitmentOwner owner, String text, UserId madeBy, UUID requestKey, Instant now, int madeAtSession) {
		jdbc.sql("""
				insert into commitment (practice_id, commitment_id, client_id, episode_id, owner, text, made_by,
				    request_key, made_at, made_at_session, due_by_session)
				values (:p, :id, :c, :e, :o, :t, :by, :key, :now, :s, :s + 1)
				on conflict (practice_id, request_key) do nothing""")
			.param("p", practice.value())
			.param("id", care.rapport.practice.Ids.next())
			.param("c", client.value())
			.param("e", episode.value())
			.param("o", owner.name())
			.param("t", sensitive.encrypt(practice, COMMITMENT_TEXT, text))
			.param("by", madeBy.value())
			.param("key", requestKey)
			.param("now", utc(now))
			.param("s", madeAtSession)
			.update();
		return jdbc.sql("select commitment_id from commitment where practice_id = :p and request_key = :key")
			.param("p", practice.value())
			.param("key", requestKey)
			.query(UUID.class)
			.optional()
			.map(CommitmentId::new)
			.orElseThrow();
	}

	/** The client's commitments in an episode, oldest first. */
	public List<Commitment> commitments(PracticeId practice, ClientId client, EpisodeId episode) {
		return jdbc.sql("""
				select * from commitment where practice_id = :p and client_id = :c and episode_id = :e
				order by made_at, commitment_id""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("e", episode.value())
			.query(commitmentRow)
			.list();
	}

	public Optional<Commitment> commitment(PracticeId practice, ClientId client, CommitmentId commitment) {
		return jdbc.sql("select * from commitment where practice_id = :p and client_id = :c and commitment_id = :id")
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", commitment.value())
			.query(commitmentRow)
			.optional();
	}

	/** Records an outcome once; zero when one was already recorded. */
	public int check(PracticeId practice, ClientId client, CommitmentId commitment, CommitmentOutcome outcome,
			UserId by, Instant now) {
		return jdbc.sql("""
				update commitment set outcome = :o, checked_at = :now, checked_by = :by
				where practice_id = :p and client_id = :c and commitment_id = :id and outcome is null""")
			.param("o", outcome.name())
			.param("now", utc(now))
			.param("by", by.value())
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", commitment.value())
			.update();
	}

	public Optional<CopingPlan> copingPlan(PracticeId practice, ClientId client) {
		return jdbc.sql("select * from coping_plan where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> new CopingPlan(decrypted(rs, COPING_STRATEGIES, "strategies"),
					decrypted(rs, COPING_PEOPLE, "people"), decrypted(rs, COPING_CRISIS_STEPS, "crisis_steps"),
					instant(rs.getObject("updated_at", OffsetDateTime.class))))
			.optional();
	}

	public void saveCopingPlan(PracticeId practice, ClientId client, CopingPlan plan, UserId by, Instant now) {
		jdbc.sql("""
				insert into coping_plan (practice_id, client_id, strategies, people, crisis_steps, updated_at, updated_by)
				values (:p, :c, :s, :people, :crisis, :now, :by)
				on conflict on constraint coping_plan_pk do update set strategies = excluded.strategies,
				    people = excluded.people, crisis_steps = excluded.crisis_steps, updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("s", sensitive.encrypt(practice, COPING_STRATEGIES, plan.strategies()))
			.param("people", sensitive.encrypt(practice, COPING_PEOPLE, plan.people()))
			.param("crisis", sensitive.encrypt(practice, COPING_CRISIS_STEPS, plan.crisisSteps()))
			.param("now", utc(now))
			.param("by", by.value())
			.update();
	}

	/** A not-null encrypted column of the row, decrypted with the row's practice key. */
	private String decrypted(ResultSet rs, String field, String column) throws SQLException {
		return java.util.Objects.requireNonNull(decryptedOrNull(rs, field, column), column);
	}

	private @Nullable String decryptedOrNull(ResultSet rs, String field, String column) throws SQLException {
		return sensitive.decrypt(new PracticeId(rs.getObject("practice_id", UUID.class)), field, rs.getBytes(column));
	}

	private static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	private static OffsetDateTime utc(@Nullable Instant instant) {
		return OffsetDateTime.ofInstant(java.util.Objects.requireNonNull(instant), ZoneOffset.UTC);
	}

}
