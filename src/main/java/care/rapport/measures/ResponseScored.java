package care.rapport.measures;

import care.rapport.clients.ClientId;
import care.rapport.practice.PracticeId;

/** A completed measure was scored and stored; feedback evaluates it and raises alerts. */
public record ResponseScored(PracticeId practiceId, ClientId clientId, AdministrationId administrationId,
		Score score) {
}
