package care.rapport.goals;

import java.time.Instant;

/** How close the client feels to a goal, 0 (not at all) to 10 (there), at one session; session 0 is before the first. */
public record GoalRating(int sessionNumber, int rating, Instant ratedAt) {
}
