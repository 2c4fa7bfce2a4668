package care.rapport.goals;

import care.rapport.practice.Refusal;

/**
 * The goal is not in a state that allows this any more (another tab or the therapist changed it
 * meanwhile, or the move does not exist); nothing changed.
 */
public class GoalStateRefused extends Refusal {

	static final String NOT_A_SUGGESTION = "GOAL_NOT_A_SUGGESTION";

	static final String NOT_ACTIVE = "GOAL_NOT_ACTIVE";

	static final String NO_SUCH_MOVE = "GOAL_NO_SUCH_MOVE";

	GoalStateRefused(String code, String field, String message) {
		super(code, field, message);
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

}
