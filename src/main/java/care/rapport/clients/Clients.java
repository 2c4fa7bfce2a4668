package care.rapport.clients;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.Accounts;
import care.rapport.identity.InvitationAccepted;
import care.rapport.identity.Invitations;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client records, and the one home of the access rule for them. The care team (the client's
 * therapist and that therapist's supervisors, as the {@code care_team} view defines it) reads
 * clinical content: {@link #openForCare} (audited), {@link #isOnCareTeam} and
 * {@link #recordForCareWithoutAudit} (unaudited, for callers that check first or write a more
 * specific audit event of their own). Practice admins see records for administration only:
 * {@link #openForAdministration} (audited) and {@link #administers}. Anything outside these
 * answers empty, which controllers turn into the same 404 as a record that does not exist.
 */
@Service
public class Clients {

	private static final String SELECT = """
			select c.client_id, c.display_name, c.email, c.therapist_id, t.display_name as therapist_name,
			       c.user_id is not null as portal_account, c.created_at
			from client c join user_account t on t.user_id = c.therapist_id
			""";

	/**
	 * The care-team rule, in one place: the client's row is on this person's care team, as the
	 * {@code care_team} view (migration V49) defines it: the client's therapist and that
	 * therapist's supervisors. Other modules' SQL joins the same view rather than copying this.
	 */
	private static final String ON_CARE_TEAM = """
			exists (select 1 from care_team ct
			        where ct.practice_id = c.practice_id and ct.client_id = c.client_id and ct.staff_id = :me)""";

	/** Rows whose clinical content the user may see: their care team's clients. Never admins as such. */
	private static final String CARE_TEAM = " c.practice_id = :p and " + ON_CARE_TEAM + " ";

	/**
	 * Rows the user may see for administration (names, contact, scheduling): the care team's, or
	 * every client of the practice for a practice admin. A separate rule, named as such.
	 */
	private static final String VISIBLE = " c.practice_id = :p and (:admin or " + ON_CARE_TEAM + ") ";

	private static final RowMapper<Client> CLIENT = (rs, n) -> new Client(
			new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("display_name"), rs.getString("email"),
			rs.getObject("therapist_id", UUID.class), rs.getString("therapist_name"), rs.getBoolean("portal_account"),
			rs.getObject("created_at", OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final Episodes episodes;

	private final care.rapport.practice.SensitiveText sensitive;

	static final String CONCERNS_FIELD = "client.presenting_concerns";

	Clients(JdbcClient jdbc, Invitations invitations, Accounts accounts, AuditLog audit, Clock clock,
			Episodes episodes, care.rapport.practice.SensitiveText sensitive) {
		this.sensitive = sensitive;
		this.episodes = episodes;
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Adds a client and invites them to the portal by e-mail. */
	@Transactional
	public ClientId add(RapportUser staff, String displayName, String email, UserId therapist) {
		ClientId id = insert(staff.practiceId(), displayName, email, therapist);
		audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.CLIENT_CREATED, id.value(),
				"Added a client record"));
		invitations.invite(staff.practiceId(), email, displayName, Role.CLIENT, id.value(), staff.actor());
		return id;
	}

	/** Adds a client record, with an open episode of care, without an invitation (demo data, imports). */
	@Transactional
	public ClientId insert(PracticeId practice, String displayName, String email, UserId therapist) {
		ClientId id = new ClientId(Ids.next());
		jdbc.sql("""
				insert into client (practice_id, client_id, display_name, email, therapist_id, created_at)
				values (:p, :id, :name, :email, :therapist, :now)""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("name", displayName.strip())
			.param("email", Accounts.normalizeEmail(email))
			.param("therapist", therapist.value())
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		episodes.currentOrOpen(practice, id, therapist);
		return id;
	}

	@Transactional
	public void linkAccount(PracticeId practice, ClientId client, UserId user) {
		jdbc.sql("update client set user_id = :u where practice_id = :p and client_id = :c")
			.param("u", user.value())
			.param("p", practice.value())
			.param("c", client.value())
			.update();
	}

	/** The clients this staff member may see, by name; the read is audited. */
	@Transactional
	public List<Client> visibleTo(RapportUser staff) {
		List<Client> clients = jdbc.sql(SELECT + " where " + VISIBLE + " order by c.display_name, c.client_id")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("admin", staff.has(Role.PRACTICE_ADMIN))
			.query(CLIENT)
			.list();
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.CLIENT_LIST_VIEWED,
				"Viewed a list of " + clients.size() + " clients"));
		return clients;
	}

	/** How many clients this staff member may see; a count reads no client data. */
	public int countVisibleTo(RapportUser staff) {
		return jdbc.sql("select count(*) from client c where " + VISIBLE)
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("admin", staff.has(Role.PRACTICE_ADMIN))
			.query(Integer.class)
			.single();
	}

	/** Opens one record if this staff member may see it (an audited read); empty otherwise. */
	@Transactional
	public Optional<Client> openForAdministration(RapportUser staff, ClientId id) {
		Optional<Client> client = jdbc.sql(SELECT + " where " + VISIBLE + " and c.client_id = :c")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("admin", staff.has(Role.PRACTICE_ADMIN))
			.param("c", id.value())
			.query(CLIENT)
			.optional();
		client.ifPresent(c -> audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(),
				AuditAction.CLIENT_RECORD_VIEWED, c.id().value(), "Opened the client record")));
		return client;
	}

	/** Whether this staff member may see the client; no audit, for checks before another audited read. */
	public boolean administers(RapportUser staff, ClientId id) {
		return jdbc.sql("select count(*) from client c where " + VISIBLE + " and c.client_id = :c")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("admin", staff.has(Role.PRACTICE_ADMIN))
			.param("c", id.value())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Opens a record for clinical work (scores, alerts, progress) if this staff member is on the
	 * client's care team (an audited read); empty for everyone else, admins included.
	 */
	@Transactional
	public Optional<Client> openForCare(RapportUser staff, ClientId id, String what) {
		return openForCare(staff, id, AuditAction.CLINICAL_RECORD_VIEWED, what);
	}

	/**
	 * {@link #openForCare(RapportUser, ClientId, String)}, audited as a more specific read (client
	 * progress, say), so that the trail can be searched for it.
	 */
	@Transactional
	public Optional<Client> openForCare(RapportUser staff, ClientId id, AuditAction read, String what) {
		Optional<Client> client = jdbc.sql(SELECT + " where " + CARE_TEAM + " and c.client_id = :c")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("c", id.value())
			.query(CLIENT)
			.optional();
		client.ifPresent(c -> audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), read,
				c.id().value(), what)));
		return client;
	}

	/**
	 * The record if this staff member is on the client's care team, without an audit event: for
	 * callers that write their own, more specific one (a message read or sent). Empty for everyone
	 * else, admins included.
	 */
	public Optional<Client> recordForCareWithoutAudit(RapportUser staff, ClientId id) {
		return jdbc.sql(SELECT + " where " + CARE_TEAM + " and c.client_id = :c")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("c", id.value())
			.query(CLIENT)
			.optional();
	}

	/** Clients whose clinical content this staff member may see, unaudited ids for building a caseload. */
	public List<Client> careTeamCaseload(RapportUser staff) {
		return jdbc.sql(SELECT + " where " + CARE_TEAM + " order by c.display_name, c.client_id")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.query(CLIENT)
			.list();
	}

	/** The client's details; presenting concerns only for the care team (none for admins). */
	public ClientDetails details(RapportUser staff, ClientId id) {
		boolean careTeam = isOnCareTeam(staff, id);
		return jdbc.sql("""
				select legal_name, pronouns, date_of_birth, phone, contact_preference, emergency_contact,
				       presenting_concerns from client where practice_id = :p and client_id = :c""")
			.param("p", staff.practiceId().value())
			.param("c", id.value())
			.query((rs, n) -> new ClientDetails(rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
					careTeam ? sensitive.decrypt(staff.practiceId(), CONCERNS_FIELD, rs.getBytes(7)) : null))
			.single();
	}

	/**
	 * Updates the details and the name the client goes by. Admins may change everything but the
	 * presenting concerns, which they neither see nor overwrite.
	 */
	@Transactional
	public void updateDetails(RapportUser staff, ClientId id, String displayName, ClientDetails details) {
		boolean careTeam = isOnCareTeam(staff, id);
		jdbc.sql("""
				update client set display_name = :name, legal_name = :legal, pronouns = :pronouns,
				    date_of_birth = :dob, phone = :phone, contact_preference = :pref, emergency_contact = :emergency,
				    presenting_concerns = case when :careTeam then :concerns else presenting_concerns end
				where practice_id = :p and client_id = :c""")
			.param("name", displayName.strip())
			.param("legal", blankToNull(details.legalName()))
			.param("pronouns", blankToNull(details.pronouns()))
			.param("dob", details.dateOfBirth())
			.param("phone", blankToNull(details.phone()))
			.param("pref", details.contactPreference())
			.param("emergency", blankToNull(details.emergencyContact()))
			.param("careTeam", careTeam)
			.param("concerns", blankToNull(details.presentingConcerns()) == null ? null
					: sensitive.encrypt(staff.practiceId(), CONCERNS_FIELD, details.presentingConcerns().strip()))
			.param("p", staff.practiceId().value())
			.param("c", id.value())
			.update();
		audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.CLIENT_SETTINGS_CHANGED,
				id.value(), "Changed the client's details"));
	}

	/** Whether this staff member is on the client's care team (therapist or their supervisor); unaudited. */
	public boolean isOnCareTeam(RapportUser staff, ClientId id) {
		return jdbc.sql("select count(*) from client c where " + CARE_TEAM + " and c.client_id = :c")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("c", id.value())
			.query(Integer.class)
			.single() > 0;
	}

	/** Clients this staff member may see whose name contains the text, audited as a list read. */
	@Transactional
	public List<Client> search(RapportUser staff, String text) {
		List<Client> clients = jdbc.sql(SELECT + " where " + VISIBLE
				+ " and lower(c.display_name) like '%' || lower(:q) || '%' order by c.display_name, c.client_id")
			.param("p", staff.practiceId().value())
			.param("me", staff.id().value())
			.param("admin", staff.has(Role.PRACTICE_ADMIN))
			.param("q", text.strip().replace("%", "").replace("_", ""))
			.query(CLIENT)
			.list();
		audit.record(AuditEntry.of(staff.practiceId(), staff.actor(), AuditAction.CLIENT_LIST_VIEWED,
				"Searched clients; " + clients.size() + " found"));
		return clients;
	}

	private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** How to reach a client: for messages Rapport sends by itself, such as reminders. */
	public record Contact(String displayName, String email, String preference) {
	}

	public Optional<Contact> contactOf(PracticeId practice, ClientId client) {
		return jdbc.sql("select display_name, email, contact_preference from client where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** The client's therapist, who owns what Rapport raises about the client. */
	public UserId therapistOf(PracticeId practice, ClientId client) {
		return jdbc.sql("select therapist_id from client where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query(UUID.class)
			.optional()
			.map(UserId::new)
			.orElseThrow(() -> new IllegalArgumentException("No client " + client));
	}

	/** Whether the client sees their own session check-in results on their chart. */
	public boolean checkInsVisibleToClient(PracticeId practice, ClientId client) {
		return jdbc.sql("select check_ins_visible_to_client from client where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** The care team decides whether the client sees their check-in results; the caller checked the care team. */
	@Transactional
	public void showCheckInsToClient(RapportUser staff, ClientId client, boolean visible) {
		jdbc.sql("update client set check_ins_visible_to_client = :v where practice_id = :p and client_id = :c")
			.param("v", visible)
			.param("p", staff.practiceId().value())
			.param("c", client.value())
			.update();
		audit.record(AuditEntry.aboutClient(staff.practiceId(), staff.actor(), AuditAction.CLIENT_SETTINGS_CHANGED,
				client.value(), visible ? "Check-in results shown to the client" : "Check-in results hidden from the client"));
	}

	/** The signed-in client's own record. */
	public Optional<Client> ownRecord(RapportUser client) {
		return jdbc.sql(SELECT + " where c.practice_id = :p and c.user_id = :u")
			.param("p", client.practiceId().value())
			.param("u", client.id().value())
			.query(CLIENT)
			.optional();
	}

	public boolean therapistIn(PracticeId practice, UserId therapist) {
		return accounts.member(practice, therapist)
			.map(m -> m.roles().contains(Role.THERAPIST) || m.roles().contains(Role.SUPERVISOR))
			.orElse(false);
	}

	@ApplicationModuleListener
	void on(InvitationAccepted accepted) {
		if (accepted.role() == Role.CLIENT && accepted.subjectId() != null) {
			linkAccount(accepted.practiceId(), new ClientId(accepted.subjectId()), accepted.userId());
		}
	}

}
