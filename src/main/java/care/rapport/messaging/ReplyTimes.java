package care.rapport.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.messaging.internal.MessageStore;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a therapist tells their clients about replies: "Sam usually replies within 2 working days".
 * A setting of the therapist's own, shown to each of their clients on the message page, so a client
 * knows what to expect and that messages are not for urgent matters.
 */
@Service
public class ReplyTimes {

	/** The choices offered, in working days. */
	public static final List<Integer> CHOICES = List.of(1, 2, 3, 5, 10);

	private final MessageStore store;

	private final Clock clock;

	ReplyTimes(MessageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** The therapist's usual reply time in working days, if they set one. */
	public Optional<Integer> of(PracticeId practice, UserId therapist) {
		return store.replyWithinDays(practice, therapist);
	}

	/**
	 * The therapist sets their usual reply time; none removes it.
	 * @throws IllegalArgumentException for anyone but a therapist, or a number not offered
	 */
	@Transactional
	public void set(RapportUser therapist, @Nullable Integer days) {
		if (!therapist.has(Role.THERAPIST)) {
			throw new IllegalArgumentException("Only therapists set a reply time.");
		}
		if (days != null && !CHOICES.contains(days)) {
			throw new IllegalArgumentException("Choose one of " + CHOICES + " working days.");
		}
		store.setReplyWithinDays(therapist.practiceId(), therapist.id(), days, clock.instant());
	}

	/** "within 1 working day", "within 2 working days". */
	public static String phrase(int days) {
		return "within " + days + (days == 1 ? " working day" : " working days");
	}

}
