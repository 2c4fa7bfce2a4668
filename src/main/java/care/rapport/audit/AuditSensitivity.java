package care.rapport.audit;

import java.util.Arrays;
import java.util.List;

/**
 * How much of an audit event a practice admin may read. Admins oversee who touched which record
 * and when; what a clinical event says (an alert's kind, a note's session, a goal's status) stays
 * with the client and their care team.
 */
public enum AuditSensitivity {

	/** Sign-ins, accounts, scheduling, consent paperwork: shown to admins as written. */
	ADMINISTRATIVE(""),
	/** A read of clinical content: admins see who read a clinical record of which client, and when. */
	CLINICAL_READ("Viewed a clinical record"),
	/** A change to clinical content: admins see who changed a clinical record of which client, and when. */
	CLINICAL_CHANGE("Changed a clinical record");

	private final String adminLabel;

	AuditSensitivity(String adminLabel) {
		this.adminLabel = adminLabel;
	}

	/** The wording admins see in place of the action, for the two clinical kinds. */
	public String adminLabel() {
		return adminLabel;
	}

	public boolean clinical() {
		return this != ADMINISTRATIVE;
	}

	/** Every action of this kind. */
	public List<AuditAction> actions() {
		return Arrays.stream(AuditAction.values()).filter(a -> a.sensitivity() == this).toList();
	}

}
