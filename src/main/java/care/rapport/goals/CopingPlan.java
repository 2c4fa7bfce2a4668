package care.rapport.goals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The client's "what helps me": strategies, people to reach, and steps for a crisis, in their words. */
public record CopingPlan(String strategies, String people, String crisisSteps, @Nullable Instant updatedAt) {

	public static final int MAX_LENGTH = 4000;

	public static CopingPlan empty() {
		return new CopingPlan("", "", "", null);
	}

	public boolean blank() {
		return strategies.isBlank() && people.isBlank() && crisisSteps.isBlank();
	}

}
