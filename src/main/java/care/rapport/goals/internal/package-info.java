/** Storage of goals, ratings, coping plans and commitments; private to the goals module. */
@NullMarked
package care.rapport.goals.internal;

import org.jspecify.annotations.NullMarked;
