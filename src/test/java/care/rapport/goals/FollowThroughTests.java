package care.rapport.goals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.EpisodeId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowThroughTests {

	@Test
	void countsPartlyAsHalfAndLeavesUncheckedCommitmentsOut() {
		var commitments = List.of(made(CommitmentOwner.CLIENT, 1, CommitmentOutcome.DONE),
				made(CommitmentOwner.CLIENT, 1, CommitmentOutcome.PARTLY),
				made(CommitmentOwner.THERAPIST, 2, CommitmentOutcome.NOT_DONE), made(CommitmentOwner.CLIENT, 3, null));
		FollowThrough all = FollowThrough.of(commitments);
		assertThat(all.n()).isEqualTo(3);
		assertThat(all.percent()).isEqualTo(50);
		assertThat(all.summary()).isEqualTo("50% followed through (N = 3 commitments checked)");
		assertThat(FollowThrough.of(commitments, CommitmentOwner.CLIENT).percent()).isEqualTo(75);
		assertThat(FollowThrough.of(commitments, CommitmentOwner.THERAPIST).n()).isEqualTo(1);
	}

	@Test
	void showsFollowThroughOverTimeBySessionDue() {
		var commitments = List.of(made(CommitmentOwner.CLIENT, 2, CommitmentOutcome.NOT_DONE),
				made(CommitmentOwner.CLIENT, 1, CommitmentOutcome.DONE),
				made(CommitmentOwner.CLIENT, 2, CommitmentOutcome.DONE));
		assertThat(FollowThrough.bySession(commitments)).extracting(FollowThrough::session, FollowThrough::percent,
				FollowThrough::n)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 100, 1), org.assertj.core.groups.Tuple.tuple(2, 50, 2));
	}

	@Test
	void saysSoWhenNothingWasCheckedYet() {
		assertThat(FollowThrough.of(List.of()).summary()).isEqualTo("No outcomes recorded yet");
		assertThat(FollowThrough.bySession(List.of())).isEmpty();
	}

	@Test
	void acceptsWholeRatingsFromZeroToTenOnly() {
		assertThat(GoalInputException.rating("rating", " 7 ")).isEqualTo(7);
		assertThat(GoalInputException.rating("rating", "0")).isZero();
		for (String bad : List.of("11", "-1", "abc", "", "7.5", "1e1")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> GoalInputException.rating("rating", bad))
				.isInstanceOf(GoalInputException.class)
				.hasMessageContaining("0 (not at all) to 10");
		}
	}

	private static Commitment made(CommitmentOwner owner, int due, @Nullable CommitmentOutcome outcome) {
		return new Commitment(new CommitmentId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
				new EpisodeId(UUID.randomUUID()), owner, "text", UUID.randomUUID(), Instant.EPOCH, due - 1, due, outcome,
				outcome == null ? null : Instant.EPOCH, null);
	}

}
