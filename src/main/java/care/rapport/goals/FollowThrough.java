package care.rapport.goals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * How far commitments were kept: the share done, a partly done one counting half, over the {@code n}
 * commitments whose outcome was recorded. Commitments not yet checked do not count.
 */
public record FollowThrough(@Nullable Integer session, double share, int n) {

	/** Over all checked commitments given; share 0 with n 0 when none were checked. */
	public static FollowThrough of(List<Commitment> commitments) {
		return over(null, commitments);
	}

	/** Over the checked commitments of one owner. */
	public static FollowThrough of(List<Commitment> commitments, CommitmentOwner owner) {
		return over(null, commitments.stream().filter(c -> c.owner() == owner).toList());
	}

	/** Follow-through by the session at which commitments were due, oldest first: the line over time. */
	public static List<FollowThrough> bySession(List<Commitment> commitments) {
		Map<Integer, List<Commitment>> bySession = new TreeMap<>();
		commitments.stream()
			.filter(Commitment::checked)
			.forEach(c -> bySession.computeIfAbsent(c.dueBySession(), s -> new java.util.ArrayList<>()).add(c));
		return bySession.entrySet().stream().map(e -> over(e.getKey(), e.getValue())).toList();
	}

	private static FollowThrough over(@Nullable Integer session, List<Commitment> commitments) {
		List<CommitmentOutcome> outcomes = commitments.stream()
			.map(Commitment::outcome)
			.filter(java.util.Objects::nonNull)
			.map(o -> (CommitmentOutcome) o)
			.toList();
		double credit = outcomes.stream().mapToDouble(CommitmentOutcome::credit).sum();
		return new FollowThrough(session, outcomes.isEmpty() ? 0 : credit / outcomes.size(), outcomes.size());
	}

	/** The share as a whole percentage. */
	public int percent() {
		return (int) Math.round(share * 100);
	}

	/** "67% of 3 (N = 3)" style summary, or a sentence that nothing was checked yet. */
	public String summary() {
		if (n == 0) {
			return "No outcomes recorded yet";
		}
		return percent() + "% followed through (N = " + n + (n == 1 ? " commitment checked)" : " commitments checked)");
	}

}
