package care.rapport.scheduling.web;

import java.util.UUID;

import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whose calendar or availability a page is about: the signed-in clinician's own, or, for an admin
 * who runs scheduling, a clinician of the same practice. Anyone else asking for another person gets 404.
 */
@Component
class TherapistChoice {

	private final Accounts accounts;

	TherapistChoice(Accounts accounts) {
		this.accounts = accounts;
	}

	UserId whose(RapportUser staff, @Nullable UUID therapist) {
		if (therapist == null || therapist.equals(staff.id().value())) {
			return staff.id();
		}
		boolean clinicianHere = accounts.member(staff.practiceId(), new UserId(therapist))
			.map(m -> m.roles().contains(Role.THERAPIST) || m.roles().contains(Role.SUPERVISOR))
			.orElse(false);
		if (!staff.has(Role.PRACTICE_ADMIN) || !clinicianHere) {
			throw new RecordNotFoundException();
		}
		return new UserId(therapist);
	}

}
