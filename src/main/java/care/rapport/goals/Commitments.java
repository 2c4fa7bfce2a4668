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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments between sessions, made by either side and checked at the next session by the
 * therapist or the client. Callers pass a client record they have checked the person may act on.
 */
@Service
public class Commitments {

	public static final int MAX_TEXT = 300;

	private final GoalStore store;

	private final Sessions sessions;

	private final AuditLog audit;

	private final Clock clock;

	Commitments(GoalStore store, Sessions sessions, AuditLog audit, Clock clock) {
		this.store = store;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** The commitments of the client's current episode, oldest first. */
	public List<Commitment> of(RapportUser reader, Client client) {
		Episode episode = sessions.episode(reader.practiceId(), client);
		return store.commitments(reader.practiceId(), client.id(), episode.id());
	}

	/**
	 * One side undertakes something before the next session.
	 * @throws GoalInputException when the text is empty or too long; nothing is stored
	 */
	@Transactional
	public CommitmentId make(RapportUser by, Client client, CommitmentOwner owner, String text,
			@Nullable UUID requestKey) {
		String words = GoalInputException.text("text", text, MAX_TEXT,
				"Write what you will do before the next session.");
		Episode episode = sessions.episode(by.practiceId(), client);
		CommitmentId id = store.insertCommitment(by.practiceId(), client.id(), episode.id(), owner, words, by.id(),
				Goals.key(requestKey), clock.instant(), sessions.current(by.practiceId(), episode));
		audit.record(AuditEntry.aboutClient(by.practiceId(), by.actor(), AuditAction.COMMITMENT_MADE,
				client.id().value(), "Made a commitment (" + owner.label().toLowerCase() + ")"));
		return id;
	}

	/**
	 * Records what became of a commitment. False when an outcome was already recorded: the first
	 * one stands.
	 * @throws care.rapport.practice.RecordNotFoundException when the client has no such commitment
	 */
	@Transactional
	public boolean check(RapportUser by, Client client, CommitmentId commitment, CommitmentOutcome outcome) {
		store.commitment(by.practiceId(), client.id(), commitment)
			.orElseThrow(() -> new care.rapport.practice.RecordNotFoundException("No commitment " + commitment));
		if (store.check(by.practiceId(), client.id(), commitment, outcome, by.id(), clock.instant()) == 0) {
			return false;
		}
		audit.record(AuditEntry.aboutClient(by.practiceId(), by.actor(), AuditAction.COMMITMENT_CHECKED,
				client.id().value(), "Recorded a commitment's outcome"));
		return true;
	}

}
