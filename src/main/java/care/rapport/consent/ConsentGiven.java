package care.rapport.consent;

import care.rapport.clients.ClientId;
import care.rapport.practice.PracticeId;

/**
 * A client signed the current version of a consent document: what waited for that consent (the
 * questionnaires of a measurement plan, say) may start.
 */
public record ConsentGiven(PracticeId practiceId, ClientId clientId, ConsentKind kind) {
}
