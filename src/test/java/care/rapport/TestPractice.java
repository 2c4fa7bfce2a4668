package care.rapport;

import java.time.ZoneId;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.Practice;
import care.rapport.practice.Practices;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A fresh practice for one test: an admin, two therapists (A is supervised), a supervisor, and a
 * client of each therapist with a portal account. Unique e-mails keep tests independent.
 */
public record TestPractice(Practice practice, String password, String adminEmail, String therapistAEmail,
		String therapistBEmail, String supervisorEmail, String clientAEmail, String clientBEmail, ClientId clientOfA,
		ClientId clientOfB, ApplicationContext context) {

	public static final String PASSWORD = "correct horse battery staple twice";

	/**
	 * A practice whose two clients have signed consent to counselling and to check-ins, as most
	 * clients have once care starts: measures fall due with their sessions.
	 */
	public static TestPractice create(ApplicationContext context) {
		TestPractice practice = createWithoutConsents(context);
		practice.signConsents(practice.clientOfA(), ConsentKind.TREATMENT, ConsentKind.MEASUREMENT);
		practice.signConsents(practice.clientOfB(), ConsentKind.TREATMENT, ConsentKind.MEASUREMENT);
		return practice;
	}

	/** A practice whose clients have signed nothing yet. */
	public static TestPractice createWithoutConsents(ApplicationContext context) {
		var practices = context.getBean(Practices.class);
		var accounts = context.getBean(Accounts.class);
		var clients = context.getBean(Clients.class);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Practice practice = practices.create("Test Practice " + tag, ZoneId.of("America/Vancouver"),
				"British Columbia, Canada");
		String hash = accounts.encode(PASSWORD);
		member(accounts, practice, "admin-" + tag + "@test.example", "Admin " + tag, hash,
				Role.PRACTICE_ADMIN);
		UserId therapistA = member(accounts, practice, "ta-" + tag + "@test.example", "Therapist A " + tag, hash,
				Role.THERAPIST);
		UserId therapistB = member(accounts, practice, "tb-" + tag + "@test.example", "Therapist B " + tag, hash,
				Role.THERAPIST);
		UserId supervisor = member(accounts, practice, "sup-" + tag + "@test.example", "Supervisor " + tag, hash,
				Role.SUPERVISOR);
		accounts.superviseBy(practice.id(), supervisor, therapistA);
		ClientId clientOfA = client(accounts, clients, practice, "ca-" + tag + "@test.example", "Client A " + tag, hash,
				therapistA);
		ClientId clientOfB = client(accounts, clients, practice, "cb-" + tag + "@test.example", "Client B " + tag, hash,
				therapistB);
		return new TestPractice(practice, PASSWORD, "admin-" + tag + "@test.example", "ta-" + tag + "@test.example",
				"tb-" + tag + "@test.example", "sup-" + tag + "@test.example", "ca-" + tag + "@test.example",
				"cb-" + tag + "@test.example", clientOfA, clientOfB, context);
	}

	private static UserId member(Accounts accounts, Practice practice, String email, String name, String hash,
			Role role) {
		UserId user = accounts.registerWithHash(email, name, hash);
		accounts.grant(practice.id(), user, role);
		return user;
	}

	private static ClientId client(Accounts accounts, Clients clients, Practice practice, String email, String name,
			String hash, UserId therapist) {
		ClientId client = clients.insert(practice.id(), name, email, therapist);
		UserId user = member(accounts, practice, email, name, hash, Role.CLIENT);
		clients.linkAccount(practice.id(), client, user);
		return client;
	}

	/**
	 * Records the client's signature of the current version of each kind, as at an intake
	 * appointment before the test begins: straight into the table, so no audit row or event.
	 */
	public void signConsents(ClientId client, ConsentKind... kinds) {
		var consents = context.getBean(Consents.class);
		var jdbc = context.getBean(JdbcClient.class);
		for (ConsentKind kind : kinds) {
			var document = consents.current(practice.id(), kind);
			jdbc.sql("""
					insert into consent_signature (practice_id, signature_id, client_id, document_id, typed_name,
					    signed_at, content_hash)
					select :p, :id, c.client_id, :d, c.display_name, now() - interval '1 day', :hash
					from client c where c.practice_id = :p and c.client_id = :c""")
				.param("p", practice.id().value())
				.param("id", Ids.next())
				.param("c", client.value())
				.param("d", document.id().value())
				.param("hash", document.contentHash())
				.update();
		}
	}

	/** The signed-in user for an e-mail, as after a complete sign-in. */
	public RapportUser user(String email) {
		return (RapportUser) context.getBean(UserDetailsService.class).loadUserByUsername(email);
	}

	/** A MockMvc request post-processor that acts as this person, fully signed in. */
	public RequestPostProcessor as(String email) {
		RapportUser user = user(email);
		Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		return authentication(auth);
	}

}
