package care.rapport.identity;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.Totp;
import care.rapport.identity.internal.TwoFactor;
import care.rapport.practice.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The findings of the identity penetration test, each as what a person (or an attacker) would see. */
@IntegrationTest
@AutoConfigureMockMvc
class SecurityIntegrationTests {

	private static final Pattern INVITATION = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");

	private static final String NEW_PASSWORD = "lantern harbour quietly glows";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestPractice practice;

	@BeforeEach
	void newPractice() {
		practice = TestPractice.create(context);
	}

	// 1. The outbox page shows links that grant access only to whoever caused them.

	@Test
	void anInvitationLinkOnTheOutboxPageIsShownOnlyToTheInviter() throws Exception {
		String clientEmail = unique("robin");
		mvc.perform(post("/app/clients").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("displayName", "Robin Invited")
			.param("email", clientEmail)
			.param("therapistId", practice.user(practice.therapistAEmail()).id().toString()))
			.andExpect(status().is3xxRedirection());
		String newAdmin = unique("new-admin");
		invitations().invite(practice.practice().id(), newAdmin, "Nova Admin", Role.PRACTICE_ADMIN, null,
				practice.user(practice.adminEmail()).actor());

		String inviterPage = outboxAs(practice.therapistAEmail());
		assertThat(inviterPage).contains(clientEmail).containsPattern("/invitations/[A-Za-z0-9_-]{20,}\">");
		assertThat(inviterPage).as("the admin's invitation is not the therapist's to see").contains(newAdmin);
		assertThat(linksIn(inviterPage)).hasSize(1);

		for (String other : List.of(practice.therapistBEmail(), practice.supervisorEmail())) {
			String page = outboxAs(other);
			assertThat(page).contains(clientEmail, newAdmin, "Your invitation to", "Text withheld");
			assertThat(linksIn(page)).as("links seen by %s", other).isEmpty();
		}
		String adminPage = outboxAs(practice.adminEmail());
		assertThat(linksIn(adminPage)).as("the admin sees only the invitation they made").hasSize(1);
		assertThat(adminPage).contains("Text withheld").doesNotContain("Robin Invited,");
	}

	@Test
	void aQuestionnaireLinkOnTheOutboxPageIsShownOnlyToTheClinicianWhoSentIt() throws Exception {
		context.getBean(care.rapport.scheduling.Appointments.class)
			.book(practice.practice().id(), practice.clientOfA(), practice.user(practice.therapistAEmail()).id(),
					java.time.Instant.now().plus(java.time.Duration.ofHours(1)), java.time.Duration.ofMinutes(50));
		var phq = context.getBean(care.rapport.measures.Administrations.class)
			.due(practice.practice().id(), practice.clientOfA())
			.stream()
			.filter(a -> a.instrumentCode().equals("PHQ-9"))
			.findFirst()
			.orElseThrow();
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/measures/" + phq.id().value() + "/link")
			.with(csrf())
			.with(practice.as(practice.therapistAEmail()))).andExpect(status().is3xxRedirection());

		assertThat(outboxAs(practice.therapistAEmail())).containsPattern("/respond/[A-Za-z0-9_-]{20,}");
		for (String other : List.of(practice.adminEmail(), practice.therapistBEmail(), practice.supervisorEmail())) {
			assertThat(outboxAs(other)).as("what %s sees", other)
				.contains(practice.clientAEmail(), "A short check-in from")
				.doesNotContain("/respond/");
		}
	}

	@Test
	void theOutboxPageSaysWhyItIsThere() throws Exception {
		assertThat(outboxAs(practice.therapistAEmail())).contains("id=\"outbox-reason\"")
			.contains("RAPPORT_OUTBOX_PAGE");
	}

	// 2. Accepting an invitation is no password-guessing channel; an existing account joins by choice.

	@Test
	void theInvitationPageNeverAsksForAnExistingPasswordAndTheRightOneAddsNobody() throws Exception {
		TestPractice victimHome = TestPractice.create(context);
		String victim = victimHome.therapistAEmail();
		String token = invite(victim, Role.PRACTICE_ADMIN);

		mvc.perform(get("/invitations/" + token))
			.andExpect(content().string(not(containsString("already have a Rapport account"))))
			.andExpect(content().string(not(containsString("current-password"))));
		mvc.perform(post("/invitations/" + token).with(csrf())
			.param("password", victimHome.password())
			.param("confirmation", victimHome.password())).andExpect(redirectedUrl("/login?welcome"));

		assertThat(rolesIn(practice, victim)).as("the right password joins no practice").isEmpty();
		assertThat(context.getBean(Accounts.class).passwordMatches(victimHome.user(victim).id(), victimHome.password()))
			.isTrue();
		assertThat(outboxBodiesTo(victim)).anySatisfy(body -> assertThat(body)
			.contains("already has a Rapport account").contains("sign in with your existing account"));
		mvc.perform(get("/invitations/" + token)).andExpect(content().string(containsString("Choose a password")));
	}

	@Test
	void anExistingAccountJoinsOnlyAfterSigningInAndChoosingJoin() throws Exception {
		TestPractice home = TestPractice.create(context);
		String person = home.clientAEmail();
		String token = invite(person, Role.SUPERVISOR);

		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/invitations/" + token + "/sign-in").session(session))
			.andExpect(redirectedUrl("/login?invitation"));
		mvc.perform(post("/login").session(session).with(csrf()).param("email", person).param("password",
				home.password())).andExpect(redirectedUrl("/invitations/" + token));
		mvc.perform(get("/invitations/" + token).session(session))
			.andExpect(content().string(containsString("Join <span>" + practice.practice().name() + "</span>?")));
		assertThat(rolesIn(practice, person)).isEmpty();

		mvc.perform(post("/invitations/" + token + "/join").session(session).with(csrf()))
			.andExpect(redirectedUrl("/invitations/" + token + "/joined"));
		assertThat(rolesIn(practice, person)).containsExactly("SUPERVISOR");
		assertThat(auditDetails(practice, "INVITATION_ACCEPTED"))
			.anySatisfy(detail -> assertThat(detail).startsWith("Joined with an existing account after signing in"));
	}

	@Test
	void theInvitedPersonMayDeclineAndNobodyElseMayJoinInTheirPlace() throws Exception {
		TestPractice home = TestPractice.create(context);
		String token = invite(home.clientAEmail(), Role.THERAPIST);

		MockHttpSession intruder = signIn(home.clientBEmail(), home.password(), "/me");
		mvc.perform(get("/invitations/" + token).session(intruder))
			.andExpect(content().string(containsString("This invitation is for another address")));
		mvc.perform(post("/invitations/" + token + "/join").session(intruder).with(csrf()));
		assertThat(rolesIn(practice, home.clientBEmail())).isEmpty();
		assertThat(rolesIn(practice, home.clientAEmail())).isEmpty();

		MockHttpSession invited = signIn(home.clientAEmail(), home.password(), "/me");
		mvc.perform(post("/invitations/" + token + "/decline").session(invited).with(csrf()))
			.andExpect(content().string(containsString("This invitation was declined")));
		assertThat(rolesIn(practice, home.clientAEmail())).isEmpty();
		assertThat(auditDetails(practice, "INVITATION_DECLINED")).containsExactly("Declined the invitation after signing in");
		mvc.perform(post("/invitations/" + token + "/join").session(invited).with(csrf()));
		assertThat(rolesIn(practice, home.clientAEmail())).isEmpty();
	}

	// 3. Neither sign-up nor an invitation page tells whether an address has an account.

	@Test
	void signUpAnswersTheSameForAnAddressWithAnAccountAndTellsItsOwnerByEmail() throws Exception {
		String taken = practice.therapistBEmail();
		String fresh = unique("founder");
		String takenAnswer = normalized(signUp(taken), taken);
		String freshAnswer = normalized(signUp(fresh), fresh);

		assertThat(takenAnswer).contains("Check your e-mail to continue").isEqualTo(freshAnswer);
		assertThat(outboxBodiesTo(taken))
			.anySatisfy(body -> assertThat(body).contains("Someone tried to create a new practice"));
		assertThat(jdbc.sql("select count(*) from membership m join user_account u using (user_id) where u.email = :e")
			.param("e", taken)
			.query(Long.class)
			.single()).as("no practice for the taken address").isEqualTo(1);
	}

	@Test
	void anInvitationPageLooksTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
		String existing = TestPractice.create(context).therapistAEmail();
		String fresh = unique("fresh");
		String forExisting = mvc.perform(get("/invitations/" + invite(existing, Role.THERAPIST)))
			.andReturn().getResponse().getContentAsString();
		String forFresh = mvc.perform(get("/invitations/" + invite(fresh, Role.THERAPIST)))
			.andReturn().getResponse().getContentAsString();
		assertThat(normalized(forExisting, existing)).isEqualTo(normalized(forFresh, fresh));
	}

	// 4. Every step up in authentication gets a new session id.

	@Test
	void theSessionIdChangesAfterTheSecondFactorToo() throws Exception {
		enrolDemoSecret(practice.therapistAEmail());
		MockHttpSession session = signIn(practice.therapistAEmail(), practice.password(), "/login/mfa");
		String afterPassword = session.getId();
		mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", Totp.code(Totp.DEMO_STAFF_SECRET)))
			.andExpect(redirectedUrl("/app"));
		assertThat(session.getId()).isNotEqualTo(afterPassword);
		mvc.perform(get("/app").session(session)).andExpect(status().isOk());
	}

	// 5. Credentials change only with proof, and the change ends the account's other sessions.

	@Test
	void changingThePasswordSignsOutOtherSessionsAndSaysSoByEmail() throws Exception {
		MockHttpSession laptop = signIn(practice.clientAEmail(), practice.password(), "/me");
		MockHttpSession phone = signIn(practice.clientAEmail(), practice.password(), "/me");

		mvc.perform(post("/account/password").session(laptop).with(csrf())
			.param("currentPassword", practice.password())
			.param("newPassword", NEW_PASSWORD)
			.param("confirmation", NEW_PASSWORD)).andExpect(redirectedUrl("/account/security"));

		mvc.perform(get("/me").session(phone)).andExpect(redirectedUrl("/login?ended"));
		mvc.perform(get("/me").session(laptop)).andExpect(status().isOk());
		assertThat(outboxBodiesTo(practice.clientAEmail())).anySatisfy(body -> assertThat(body)
			.contains("password of your Rapport account was changed").doesNotContain(NEW_PASSWORD));
		signIn(practice.clientAEmail(), NEW_PASSWORD, "/me");
	}

	@Test
	void aNewAuthenticatorNeedsTheCurrentPasswordAndEndsOtherSessions() throws Exception {
		var user = practice.user(practice.therapistAEmail());
		enrolDemoSecret(practice.therapistAEmail());
		List<String> recovery = twoFactor().newRecoveryCodes(user.id());
		MockHttpSession session = signIn(practice.therapistAEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", Totp.code(Totp.DEMO_STAFF_SECRET)))
			.andExpect(redirectedUrl("/app"));
		MockHttpSession other = signIn(practice.therapistAEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa/recovery").session(other).with(csrf()).param("recoveryCode", recovery.get(0)))
			.andExpect(redirectedUrl("/app"));

		String page = mvc.perform(get("/account/mfa/setup").session(session))
			.andExpect(content().string(containsString("currentPassword")))
			.andReturn().getResponse().getContentAsString();
		Matcher key = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>").matcher(page);
		assertThat(key.find()).isTrue();
		String newSecret = key.group(1).replace(" ", "");

		mvc.perform(post("/account/mfa/setup").session(session).with(csrf())
			.param("currentPassword", "not my password at all")
			.param("code", Totp.code(newSecret)))
			.andExpect(content().string(containsString("Your current password is not right")));
		assertThat(twoFactor().secretOf(user.id())).contains(Totp.DEMO_STAFF_SECRET);
		mvc.perform(get("/app").session(other)).andExpect(status().isOk());

		String before = session.getId();
		mvc.perform(post("/account/mfa/setup").session(session).with(csrf())
			.param("currentPassword", practice.password())
			.param("code", Totp.code(newSecret)))
			.andExpect(content().string(containsString("Save your recovery codes")));
		assertThat(twoFactor().secretOf(user.id())).contains(newSecret);
		assertThat(session.getId()).as("enrolling is a change of authentication level").isNotEqualTo(before);
		mvc.perform(get("/app").session(other)).andExpect(redirectedUrl("/login?ended"));
		mvc.perform(get("/app").session(session)).andExpect(status().isOk());
		assertThat(outboxBodiesTo(practice.therapistAEmail()))
			.anySatisfy(body -> assertThat(body).contains("new authenticator app was set up").doesNotContain(newSecret));
	}

	// 6. Second-factor secrets are not readable from the database.

	@Test
	void totpSecretsAreSealedAndRecoveryCodesSaltedAndSlowlyHashed() {
		var user = practice.user(practice.supervisorEmail());
		enrolDemoSecret(practice.supervisorEmail());
		List<String> codes = twoFactor().newRecoveryCodes(user.id());

		var row = jdbc.sql("select mfa_secret, mfa_secret_sealed from user_account where user_id = :u")
			.param("u", user.id().value())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) })
			.single();
		assertThat(row[0]).isNull();
		assertThat(new String((byte[]) row[1], java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(Totp.DEMO_STAFF_SECRET);
		assertThat(recoveryHashes(user.id())).hasSize(10)
			.allMatch(hash -> hash.startsWith("{bcrypt}"))
			.doesNotContain(Tokens.hash(codes.get(0)));
		assertThat(twoFactor().redeemRecoveryCode(user.id(), codes.get(3))).isTrue();
		assertThat(twoFactor().redeemRecoveryCode(user.id(), codes.get(3))).isFalse();
	}

	@Test
	void secretsStoredByEarlierVersionsAreUpgradedWithoutLockingAnyoneOut() throws Exception {
		var user = practice.user(practice.therapistBEmail());
		String legacyCode = "abcde-fghjk";
		jdbc.sql("update user_account set mfa_secret = :s, mfa_secret_sealed = null, mfa_enrolled_at = now() "
				+ "where user_id = :u")
			.param("s", Totp.DEMO_STAFF_SECRET)
			.param("u", user.id().value())
			.update();
		jdbc.sql("insert into recovery_code (user_id, code_hash) values (:u, :h)")
			.param("u", user.id().value())
			.param("h", Tokens.hash(legacyCode))
			.update();

		assertThat(twoFactor().upgradeStoredSecrets()).isGreaterThanOrEqualTo(2);

		assertThat(jdbc.sql("select mfa_secret is null and mfa_secret_sealed is not null from user_account "
				+ "where user_id = :u").param("u", user.id().value()).query(Boolean.class).single()).isTrue();
		assertThat(recoveryHashes(user.id())).singleElement().satisfies(hash -> assertThat(hash).startsWith("{bcrypt}"));
		MockHttpSession session = signIn(practice.therapistBEmail(), practice.password(), "/login/mfa");
		mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", Totp.code(Totp.DEMO_STAFF_SECRET)))
			.andExpect(redirectedUrl("/app"));
		assertThat(twoFactor().redeemRecoveryCode(user.id(), legacyCode)).isTrue();
	}

	private String outboxAs(String email) throws Exception {
		return mvc.perform(get("/app/outbox").with(practice.as(email)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> linksIn(String page) {
		return INVITATION.matcher(page).results().map(m -> m.group(1)).distinct().toList();
	}

	private String invite(String email, Role role) {
		String link = invitations().invite(practice.practice().id(), email, "Pat Person", role, null,
				practice.user(practice.adminEmail()).actor());
		Matcher matcher = INVITATION.matcher(link);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private String signUp(String email) throws Exception {
		return mvc.perform(post("/signup").with(csrf())
			.param("practiceName", "Harbour Practice")
			.param("timeZone", "America/Vancouver")
			.param("jurisdiction", "British Columbia, Canada")
			.param("displayName", "Avery Founder")
			.param("email", email)
			.param("password", NEW_PASSWORD)
			.param("alsoTherapist", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A page with the address, tokens and CSRF values taken out, to compare two answers. */
	private static String normalized(String page, String email) {
		return page.replace(email, "EMAIL")
			.replaceAll("/invitations/[A-Za-z0-9_-]{20,}", "/invitations/TOKEN")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "CSRF");
	}

	private MockHttpSession signIn(String email, String password, String expected) throws Exception {
		MvcResult result = mvc.perform(post("/login").with(csrf()).param("email", email).param("password", password))
			.andExpect(redirectedUrl(expected))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession();
	}

	private void enrolDemoSecret(String email) {
		context.getBean(Accounts.class).presetAuthenticator(practice.user(email).id(), Totp.DEMO_STAFF_SECRET);
	}

	private List<String> rolesIn(TestPractice in, String email) {
		return jdbc.sql("""
				select m.role from membership m join user_account u on u.user_id = m.user_id
				where m.practice_id = :p and u.email = :e""")
			.param("p", in.practice().id().value())
			.param("e", email)
			.query(String.class)
			.list();
	}

	private List<String> auditDetails(TestPractice in, String action) {
		return jdbc.sql("select detail from audit_event where practice_id = :p and action = :a order by seq")
			.param("p", in.practice().id().value())
			.param("a", action)
			.query(String.class)
			.list();
	}

	private List<String> outboxBodiesTo(String email) {
		return jdbc.sql("select body from outbox_message where recipient = :r order by created_at")
			.param("r", email)
			.query(String.class)
			.list();
	}

	private List<String> recoveryHashes(UserId user) {
		return jdbc.sql("select code_hash from recovery_code where user_id = :u")
			.param("u", user.value())
			.query(String.class)
			.list();
	}

	private Invitations invitations() {
		return context.getBean(Invitations.class);
	}

	private TwoFactor twoFactor() {
		return context.getBean(TwoFactor.class);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
	}

}
