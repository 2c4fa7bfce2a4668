@NullMarked
package care.rapport;

import org.jspecify.annotations.NullMarked;
