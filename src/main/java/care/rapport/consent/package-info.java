/**
 * Informed consent: the practice's consent documents, versioned (treatment, privacy notice,
 * measurement and feedback, messaging, telehealth), and clients' signatures and withdrawals. Other
 * modules ask {@link care.rapport.consent.Consents#hasConsent} before doing what needs consent.
 */
@NullMarked
@ApplicationModule(displayName = "Consent")
package care.rapport.consent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
