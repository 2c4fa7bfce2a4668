package care.rapport.audit;

/** What an audit event records. Reads of client data are the ones a client sees in their history. */
public enum AuditAction {

	SIGN_IN_SUCCEEDED("Signed in", false), SIGN_IN_FAILED("Sign-in failed", false),
	SIGN_IN_LOCKED("Account locked after failed sign-ins", false), MFA_FAILED("Wrong verification code", false),
	MFA_ENROLLED("Set up two-step verification", false), RECOVERY_CODE_USED("Used a recovery code", false),
	PASSWORD_CHANGED("Changed password", false), SIGNED_OUT("Signed out", false),
	PRACTICE_CREATED("Created the practice", false), INVITATION_SENT("Sent an invitation", false),
	INVITATION_ACCEPTED("Accepted an invitation", false),
	INVITATION_DECLINED("Declined an invitation", false),
	CLIENT_CREATED("Added a client", false),
	CLIENT_LIST_VIEWED("Viewed a client list", true), CLIENT_RECORD_VIEWED("Viewed a client record", true),
	CLINICAL_RECORD_VIEWED("Viewed a clinical record", true),
	AUDIT_SEARCHED("Searched the audit trail", false), OUTBOX_VIEWED("Viewed the outbox", false),
	MEASURE_SUBMITTED("Completed a questionnaire", false), MEASURE_DECLINED("Declined a questionnaire", false),
	MEASURE_ENTERED("Entered paper answers", false), PROGRESS_VIEWED("Viewed client progress", true),
	ALERTS_VIEWED("Viewed alerts", false), ALERT_RAISED("Alert raised", false),
	ALERT_ACKNOWLEDGED("Acknowledged an alert", false), ALERT_RESOLVED("Resolved an alert", false),
	ALERT_ESCALATED("Alert escalated to supervisor", false), CASELOAD_VIEWED("Viewed the caseload dashboard", false),
	CLIENT_SETTINGS_CHANGED("Changed a client setting", false),
	PRACTICE_SETTINGS_CHANGED("Changed a practice setting", false),
	INSTRUMENT_IMPORTED("Imported an instrument", false), HISTORY_IMPORTED("Imported measurement history", false),
	INSTRUMENT_EXPORTED("Exported an instrument as a FHIR Questionnaire", false),
	GOAL_WRITTEN("Wrote a goal", false), GOAL_PROPOSED("Proposed a goal", false),
	GOAL_ACCEPTED("Accepted a proposed goal", false), GOAL_RATED("Rated a goal", false),
	GOAL_STATUS_CHANGED("Changed a goal's status", false), COMMITMENT_MADE("Made a commitment", false),
	COMMITMENT_CHECKED("Recorded a commitment's outcome", false), COPING_PLAN_SAVED("Saved the coping plan", false),
	CONSENT_SIGNED("Signed a consent document", false), CONSENT_WITHDRAWN("Withdrew a consent", false),
	CONSENT_PUBLISHED("Published a consent document", false),
	SESSION_REQUESTED("Asked for a session", false), SESSION_REQUEST_ACCEPTED("Accepted a session request", false),
	SESSION_REQUEST_DECLINED("Declined a session request", false),
	SESSION_REQUEST_WITHDRAWN("Withdrew a session request", false), SESSION_RESCHEDULED("Moved a session", false),
	SESSION_BOOKED("Booked a session", false), ATTENDANCE_RECORDED("Recorded attendance", false),
	SESSION_CANCELLED("Cancelled a session", false),
	MESSAGE_SENT("Sent a secure message", false),
	MESSAGES_VIEWED("Read secure messages", true), ATTACHMENT_DOWNLOADED("Downloaded a message attachment", true),
	MESSAGING_SWITCHED("Switched secure messaging on or off", false),
	NOTE_VIEWED("Read a session note", true),
	NOTE_DRAFTED("Saved a session note draft", false), NOTE_SIGNED("Signed a session note", false),
	NOTE_ADDENDUM_ADDED("Added an addendum to a session note", false),
	NOTE_COSIGNED("Co-signed a session note", false), NOTE_LIST_VIEWED("Viewed a list of session notes", false),
	// The author's own working notes, outside the record: audited, but not shown in the client's access history.
	PSYCHOTHERAPY_NOTE_VIEWED("Opened their psychotherapy note", false),
	PSYCHOTHERAPY_NOTE_SAVED("Saved their psychotherapy note", false);

	private final String label;

	private final boolean clientDataRead;

	AuditAction(String label, boolean clientDataRead) {
		this.label = label;
		this.clientDataRead = clientDataRead;
	}

	public String label() {
		return label;
	}

	public boolean clientDataRead() {
		return clientDataRead;
	}

	/**
	 * Whether an event of this kind tells of clinical content, and so what a practice admin may see
	 * of it. The one place that decides it: the switch has no default, so a new action does not
	 * compile until someone has classified it.
	 */
	public AuditSensitivity sensitivity() {
		return switch (this) {
			case SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, SIGN_IN_LOCKED, MFA_FAILED, MFA_ENROLLED, RECOVERY_CODE_USED,
					PASSWORD_CHANGED, SIGNED_OUT, PRACTICE_CREATED, INVITATION_SENT, INVITATION_ACCEPTED, INVITATION_DECLINED, CLIENT_CREATED,
					CLIENT_LIST_VIEWED, CLIENT_RECORD_VIEWED, AUDIT_SEARCHED, OUTBOX_VIEWED, CLIENT_SETTINGS_CHANGED,
					PRACTICE_SETTINGS_CHANGED, INSTRUMENT_IMPORTED, HISTORY_IMPORTED, INSTRUMENT_EXPORTED, CONSENT_SIGNED,
					CONSENT_WITHDRAWN, CONSENT_PUBLISHED, SESSION_REQUESTED, SESSION_REQUEST_ACCEPTED,
					SESSION_REQUEST_DECLINED, SESSION_REQUEST_WITHDRAWN, SESSION_RESCHEDULED, SESSION_BOOKED,
					ATTENDANCE_RECORDED, SESSION_CANCELLED ->
				AuditSensitivity.ADMINISTRATIVE;
			// Which record was read says nothing of what is in it, but the kind of read can (an
			// alert list, a psychotherapy note), so admins see one wording for all of them.
			case CLINICAL_RECORD_VIEWED, PROGRESS_VIEWED, ALERTS_VIEWED, CASELOAD_VIEWED, MESSAGES_VIEWED,
					ATTACHMENT_DOWNLOADED, NOTE_VIEWED, NOTE_LIST_VIEWED, PSYCHOTHERAPY_NOTE_VIEWED ->
				AuditSensitivity.CLINICAL_READ;
			case MEASURE_SUBMITTED, MEASURE_DECLINED, MEASURE_ENTERED, ALERT_RAISED, ALERT_ACKNOWLEDGED,
					ALERT_RESOLVED, ALERT_ESCALATED, GOAL_WRITTEN, GOAL_PROPOSED, GOAL_ACCEPTED, GOAL_RATED,
					GOAL_STATUS_CHANGED, COMMITMENT_MADE, COMMITMENT_CHECKED, COPING_PLAN_SAVED, MESSAGE_SENT,
					MESSAGING_SWITCHED, NOTE_DRAFTED, NOTE_SIGNED, NOTE_ADDENDUM_ADDED, NOTE_COSIGNED,
					PSYCHOTHERAPY_NOTE_SAVED ->
				AuditSensitivity.CLINICAL_CHANGE;
		};
	}

}
