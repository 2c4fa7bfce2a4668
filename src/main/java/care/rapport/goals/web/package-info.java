/** Goal, commitment and coping-plan pages for the client portal and the care team. */
@NullMarked
package care.rapport.goals.web;

import org.jspecify.annotations.NullMarked;
