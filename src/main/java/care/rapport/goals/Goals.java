package care.rapport.goals;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.Episode;
import care.rapport.goals.internal.GoalStore;
import care.rapport.goals.internal.Sessions;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goals in the client's own words. The client writes a goal, or makes a therapist's proposal theirs
 * by accepting or rewriting it; only the client rates, achieves or sets aside a goal. Callers pass a
 * client record they have already checked the person may act on ({@code Clients.ownRecord} for the
 * client, {@code Clients.openForCare} for the care team). Every change is audited, without its text.
 */
@Service
public class Goals {

	public static final int MAX_TEXT = 500;

	private final GoalStore store;

	private final Sessions sessions;

	private final AuditLog audit;

	private final Clock clock;

	Goals(GoalStore store, Sessions sessions, AuditLog audit, Clock clock) {
		this.store = store;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** The client's goals in their current episode, oldest first, with ratings by session. */
	public List<Goal> of(RapportUser reader, Client client) {
		Episode episode = sessions.episode(reader.practiceId(), client);
		return store.goals(reader.practiceId(), client.id(), episode.id());
	}

	/** The session a rating made now belongs to (0 before the first attended session). */
	public int currentSession(RapportUser reader, Client client) {
		return sessions.current(reader.practiceId(), sessions.episode(reader.practiceId(), client));
	}

	/**
	 * The client writes a goal of their own; it is active at once.
	 * @throws GoalInputException when the text is empty or too long; nothing is stored
	 */
	@Transactional
	public GoalId write(RapportUser self, Client client, String text, @Nullable UUID requestKey) {
		String words = GoalInputException.text("text", text, MAX_TEXT, "Write your goal in a few words of your own.");
		Episode episode = sessions.episode(self.practiceId(), client);
		GoalId id = store.insertGoal(self.practiceId(), client.id(), episode.id(), words, GoalStatus.ACTIVE, self.id(),
				key(requestKey), clock.instant());
		record(self, client, AuditAction.GOAL_WRITTEN, "Wrote a goal");
		return id;
	}

	/**
	 * The therapist suggests a goal; it becomes the client's only when they accept or rewrite it.
	 * @throws GoalInputException when the text is empty or too long; nothing is stored
	 */
	@Transactional
	public GoalId propose(RapportUser staff, Client client, String text, @Nullable UUID requestKey) {
		String words = GoalInputException.text("text", text, MAX_TEXT, "Write the goal you would like to suggest.");
		Episode episode = sessions.episode(staff.practiceId(), client);
		GoalId id = store.insertGoal(staff.practiceId(), client.id(), episode.id(), words, GoalStatus.PROPOSED,
				staff.id(), key(requestKey), clock.instant());
		record(staff, client, AuditAction.GOAL_PROPOSED, "Proposed a goal to the client");
		return id;
	}

	/**
	 * The client makes a proposal their goal, as written or in their own words (a blank text keeps
	 * the proposal's words).
	 * @throws GoalInputException when the rewritten text is too long; nothing is stored
	 * @throws GoalStateRefused when the goal is not, or no longer, a proposal
	 */
	@Transactional
	public void accept(RapportUser self, Client client, GoalId goal, String text) {
		Goal proposal = find(self, client, goal);
		String words = text.isBlank() ? proposal.text()
				: GoalInputException.text("text", text, MAX_TEXT, "Write your goal in a few words of your own.");
		if (store.accept(self.practiceId(), client.id(), goal, words, clock.instant()) == 0) {
			throw new GoalStateRefused(GoalStateRefused.NOT_A_SUGGESTION, "text", "This goal is no longer a suggestion.");
		}
		record(self, client, AuditAction.GOAL_ACCEPTED,
				words.equals(proposal.text()) ? "Accepted a proposed goal as written"
						: "Accepted a proposed goal in their own words");
	}

	/**
	 * The client rates an active goal for the current session; rating that session again replaces
	 * the earlier rating. Returns the session rated.
	 * @throws GoalInputException when the rating is not a whole number from 0 to 10; nothing is stored
	 * @throws GoalStateRefused when the goal is not active
	 */
	@Transactional
	public int rate(RapportUser self, Client client, GoalId goal, String rating) {
		int value = GoalInputException.rating("rating", rating);
		Goal rated = find(self, client, goal);
		if (!rated.active()) {
			throw new GoalStateRefused(GoalStateRefused.NOT_ACTIVE, "rating", "Only goals you are working on can be rated.");
		}
		int session = currentSession(self, client);
		store.rate(self.practiceId(), goal, session, value, clock.instant());
		record(self, client, AuditAction.GOAL_RATED, "Rated a goal for session " + session);
		return session;
	}

	/**
	 * The client marks a goal achieved (from active) or sets it aside (from active or proposed).
	 * @throws GoalStateRefused for any other move
	 */
	@Transactional
	public void changeStatus(RapportUser self, Client client, GoalId goal, GoalStatus to) {
		List<GoalStatus> from = switch (to) {
			case ACHIEVED -> List.of(GoalStatus.ACTIVE);
			case SET_ASIDE -> List.of(GoalStatus.ACTIVE, GoalStatus.PROPOSED);
			case ACTIVE -> List.of(GoalStatus.ACHIEVED, GoalStatus.SET_ASIDE);
			case PROPOSED -> List.of();
		};
		find(self, client, goal);
		if (from.isEmpty() || store.changeStatus(self.practiceId(), client.id(), goal, from, to, clock.instant()) == 0) {
			throw new GoalStateRefused(GoalStateRefused.NO_SUCH_MOVE, "status", "That goal cannot be changed that way.");
		}
		record(self, client, AuditAction.GOAL_STATUS_CHANGED, "Goal now: " + to.label().toLowerCase());
	}

	private Goal find(RapportUser user, Client client, GoalId goal) {
		return store.goal(user.practiceId(), client.id(), goal)
			.orElseThrow(() -> new care.rapport.practice.RecordNotFoundException("No goal " + goal));
	}

	private void record(RapportUser user, Client client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(user.practiceId(), user.actor(), action, client.id().value(), detail));
	}

	static UUID key(@Nullable UUID requestKey) {
		return requestKey == null ? Ids.next() : requestKey;
	}

}
