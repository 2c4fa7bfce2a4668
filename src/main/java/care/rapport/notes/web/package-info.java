/** The note page, the staff's lists of notes to write and to co-sign, and the notes column of the sessions page. */
@NullMarked
package care.rapport.notes.web;

import org.jspecify.annotations.NullMarked;
