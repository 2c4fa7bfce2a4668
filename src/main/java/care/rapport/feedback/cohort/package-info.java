/**
 * A seeded simulated cohort, and the replay of the alert rules over it that states their operating
 * point: what share of clients each rule flags, and of deteriorators it catches.
 */
@NullMarked
package care.rapport.feedback.cohort;

import org.jspecify.annotations.NullMarked;
