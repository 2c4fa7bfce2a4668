/** Storage of progress notes, addenda and psychotherapy notes, encrypted; private to the notes module. */
@NullMarked
package care.rapport.notes.internal;

import org.jspecify.annotations.NullMarked;
