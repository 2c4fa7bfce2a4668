/**
 * Questionnaires as data: instrument definitions loaded from JSON, scoring of a set of answers,
 * reliable and clinically significant change (Jacobson &amp; Truax) and episode outcomes in the NHS
 * Talking Therapies style. Pure domain logic: no database, no web.
 */
@NullMarked
@ApplicationModule(displayName = "Measures")
package care.rapport.measures;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
