package care.rapport.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import care.rapport.audit.Actor;
import care.rapport.clients.Clients;
import care.rapport.identity.Accounts;
import care.rapport.identity.Invitations;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.practice.Practice;
import care.rapport.practice.Practices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates "Fraser Valley Counselling" once: an admin, a supervisor, four therapists (two of them
 * supervised) and forty clients: thirty-nine with portal accounts and one still invited, to try.
 * Demo staff share one TOTP secret, printed in the README, so anyone can sign in.
 */
@Component
class DemoPractice implements ApplicationRunner {

	static final String NAME = "Fraser Valley Counselling";

	static final String PASSWORD = "fraser-valley-demo";

	/** Base32 TOTP secret of every demo staff account; for the demo only. */
	static final String STAFF_TOTP_SECRET = "RAPPORTDEMOSTAFFSECRETKEY2345674";

	static final String DOMAIN = "fraservalley.example";

	private static final long SEED = 20261123L;

	/** Clients in the demo: all but one have joined the portal; the last is still invited. */
	static final int CLIENTS = 40;

	private static final List<String> FIRST = List.of("Alex", "Jamie", "Riley", "Casey", "Avery", "Quinn", "Rowan",
			"Harper", "Emerson", "Skyler", "Noor", "Amara", "Mateo", "Ananya", "Kai", "Leah", "Omar", "Sofia", "Ethan",
			"Priya", "Liam", "Chloe", "Daniel", "Maya", "Lucas", "Aiyana", "Tariq", "Hana", "Gabriel", "Ines");

	private static final List<String> LAST = List.of("Rivera", "Singh", "Thompson", "Nguyen", "Martin", "Brown",
			"Tremblay", "Wilson", "Gill", "Sandhu", "Campbell", "Anderson", "Dhillon", "Roy", "Wong", "Johnson",
			"Grewal", "Taylor", "Leblanc", "Kaur", "Clarke", "Patel", "Fraser", "Morrison", "Lam");

	private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);

	private final DemoSettings settings;

	private final Environment environment;

	private final Practices practices;

	private final Accounts accounts;

	private final Clients clients;

	private final Invitations invitations;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DemoFeedback feedback;

	private final DemoScheduling scheduling;

	private final DemoMessages messages;

	private final DemoNotes notes;

	private final DemoGoals goals;

	DemoPractice(DemoSettings settings, Environment environment, Practices practices, Accounts accounts,
			Clients clients, Invitations invitations, JdbcClient jdbc, TransactionTemplate transactions,
			DemoFeedback feedback, DemoScheduling scheduling, DemoMessages messages, DemoNotes notes,
			DemoGoals goals) {
		this.goals = goals;
		this.scheduling = scheduling;
		this.notes = notes;
		this.settings = settings;
		this.environment = environment;
		this.practices = practices;
		this.accounts = accounts;
		this.clients = clients;
		this.invitations = invitations;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.feedback = feedback;
		this.messages = messages;
	}

	boolean enabled() {
		return settings.enabled() != null ? settings.enabled()
				: environment.getProperty("rapport.db.url", "").isBlank();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled()) {
			return;
		}
		Runnable afterCommit = transactions.execute(tx -> {
			// One creator at a time, even when several test contexts share the database.
			jdbc.sql("select pg_advisory_xact_lock(20261123)").query().singleRow();
			return practices.findByName(NAME).isEmpty() ? create() : null;
		});
		if (afterCommit != null) {
			// Encrypted demo data (messages, notes) needs the practice's data key, which is stored in a
			// transaction of its own and so only once the practice itself is committed.
			transactions.executeWithoutResult(tx -> afterCommit.run());
		}
	}

	/** Creates the practice; returns what writes its encrypted demo data, to run once it is committed. */
	private Runnable create() {
		Practice practice = practices.create(NAME, ZoneId.of("America/Vancouver"), "British Columbia, Canada");
		String hash = accounts.encode(PASSWORD);
		staff(practice, "Morgan Lee", "admin", hash, Role.PRACTICE_ADMIN);
		UserId supervisor = staff(practice, "Dr. Priya Raman", "supervisor", hash, Role.SUPERVISOR);
		List<UserId> therapists = new ArrayList<>();
		for (String[] t : new String[][] { { "Sam Okafor", "therapist" }, { "Elena Petrova", "elena" },
				{ "Jordan Whitehorse", "jordan" }, { "Mei Chen", "mei" } }) {
			therapists.add(staff(practice, t[0], t[1], hash, Role.THERAPIST));
		}
		// The two newest therapists are pre-licensed and supervised.
		accounts.superviseBy(practice.id(), supervisor, therapists.get(2));
		accounts.superviseBy(practice.id(), supervisor, therapists.get(3));

		var random = new Random(SEED);
		var used = new java.util.HashSet<String>();
		var created = new ArrayList<DemoFeedback.DemoClient>();
		UserId alexAccount = null;
		for (int i = 0; i < CLIENTS - 1; i++) {
			String name;
			do {
				name = i == 0 ? "Alex Rivera" : FIRST.get(random.nextInt(FIRST.size())) + " "
						+ LAST.get(random.nextInt(LAST.size()));
			}
			while (!used.add(name));
			String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@client." + DOMAIN;
			UserId therapist = therapists.get(i % therapists.size());
			var client = clients.insert(practice.id(), name, email, therapist);
			UserId account = accounts.registerWithHash(email, name, hash);
			accounts.grant(practice.id(), account, Role.CLIENT);
			clients.linkAccount(practice.id(), client, account);
			if (i == 0) {
				alexAccount = account;
			}
			created.add(new DemoFeedback.DemoClient(client, name, therapist));
		}
		scheduling.workingWeeks(practice.id(), practice.timeZone(), therapists);
		feedback.create(practice.id(), practice.timeZone(), therapists.get(0), created);
		// Sam's clients are every fourth; the second of them asks for a session.
		scheduling.create(practice.id(), practice.timeZone(), therapists.get(0), created.get(4).id());
		// Jordan Whitehorse is supervised: his note waits for Dr. Priya Raman's co-signature.
		var jordansClient = created.stream()
			.filter(c -> c.therapist().equals(therapists.get(2)))
			.findFirst()
			.orElseThrow()
			.id();
		var inviter = accounts.member(practice.id(), therapists.get(0)).orElseThrow();
		var pending = clients.insert(practice.id(), "Taylor Brooks", "taylor.brooks@client." + DOMAIN,
				therapists.get(0));
		invitations.invite(practice.id(), "taylor.brooks@client." + DOMAIN, "Taylor Brooks", Role.CLIENT,
				pending.value(), new Actor(inviter.id().value(), inviter.displayName(), Role.THERAPIST.name()));
		log.info("Created the demo practice {} with 6 staff and {} clients", NAME, CLIENTS);
		UserId alex = java.util.Objects.requireNonNull(alexAccount);
		return () -> {
			messages.create(practice, alex, therapists.get(0));
			goals.create(practice, alex);
			notes.create(practice, therapists.get(0), created.get(0).id(), therapists.get(2), jordansClient);
		};
	}

	private UserId staff(Practice practice, String name, String login, String hash, Role role) {
		UserId user = accounts.registerWithHash(login + "@" + DOMAIN, name, hash);
		accounts.grant(practice.id(), user, role);
		accounts.presetAuthenticator(user, STAFF_TOTP_SECRET);
		return user;
	}

}
