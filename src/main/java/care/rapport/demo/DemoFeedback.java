package care.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.IntFunction;

import care.rapport.clients.ClientId;
import care.rapport.consent.ConsentDocument;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.feedback.TrajectoryParameters;
import care.rapport.identity.UserId;
import care.rapport.measures.Administration;
import care.rapport.measures.AdministrationId;
import care.rapport.measures.Administrations;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.scheduling.AppointmentId;
import care.rapport.scheduling.Appointments;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo practice a measurement history, so that a newcomer signing in as Sam Okafor sees
 * every case feedback-informed care is about on the first run: a client improving, one off track,
 * one deteriorating, an alliance drop, a risk answer and a client who declines a measure. A few
 * clients of the other therapists improve as most clients do.
 * <p>
 * Histories are made through the same calls the application makes (book, answer, attend, check in),
 * so every alert on the demo alerts page was raised by the real rules. Scores are scripted per case;
 * the answers behind them, and the ordinary clients' courses, come from a fixed seed.
 */
@Component
class DemoFeedback {

	private static final long SEED = 20261124L;

	private static final Duration SESSION = Duration.ofMinutes(50);

	private static final String PHQ9 = "PHQ-9";

	private static final String GAD7 = "GAD-7";

	private static final String CHECK_IN = "CHECK-IN";

	/** Marks a measure the client declined in a script. */
	private static final int DECLINED = -1;

	/**
	 * How much each PHQ-9 item tends to carry of a total, so that answers look like people's: sleep,
	 * tiredness and low mood more than psychomotor change. Item 9 carries nothing unless scripted.
	 */
	private static final double[] PHQ9_WEIGHTS = { 1.0, 1.1, 1.2, 1.3, 0.8, 0.9, 1.0, 0.5, 0 };

	/** The same for GAD-7: worry and nervousness most, restlessness least. */
	private static final double[] GAD7_WEIGHTS = { 1.2, 1.1, 1.2, 1.0, 0.7, 1.0, 0.8 };

	private static final TrajectoryParameters MODEL = TrajectoryParameters.defaults();

	private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

	/** A demo client, in the order the demo practice created them. */
	record DemoClient(ClientId id, String name, UserId therapist) {
	}

	/**
	 * One client's course: per session, the PHQ-9 and GAD-7 totals ({@link #DECLINED} for a declined
	 * measure) and the check-in average; {@code riskSession} is the session whose PHQ-9 answers item 9
	 * with "several days" (0 for none); {@code daysAgo} is how long ago the last session was.
	 */
	record Course(String label, int[] phq9, int[] gad7, double[] checkIns, int riskSession, int daysAgo) {

		Course {
			if (phq9.length != gad7.length || phq9.length != checkIns.length || phq9.length == 0) {
				throw new IllegalArgumentException(label + ": one score of each measure per session");
			}
		}

		int sessions() {
			return phq9.length;
		}

	}

	/**
	 * The cases Sam Okafor's first six clients show, in order. Each is checked against the default
	 * trajectory model and alert thresholds so that it raises the alerts its label promises, and no
	 * others.
	 */
	private static final List<Course> CASES = List.of(
			// PHQ-9 18 → 7 and GAD-7 14 → 5 over eight sessions: reliable improvement and recovery.
			new Course("improving", new int[] { 18, 16, 14, 13, 11, 9, 8, 7 }, new int[] { 14, 13, 11, 10, 8, 7, 6, 5 },
					new double[] { 9.0, 9.25, 9.5, 9.5, 9.75, 9.5, 10, 9.75 }, 0, 6),
			// From 16 the model expects about 10 by session 5 (± 4.5): 16 at session 4 is off track.
			new Course("off track", new int[] { 16, 17, 16, 16, 15 }, new int[] { 11, 10, 10, 9, 8 },
					new double[] { 9.25, 9.5, 9.25, 9.5, 9.25 }, 0, 3),
			// 9 → 17 is a rise of 8, above the reliable change of 6; it goes off track on the way.
			new Course("deteriorating", new int[] { 9, 10, 12, 14, 17 }, new int[] { 7, 7, 8, 8, 8 },
					new double[] { 9.5, 9.25, 9.25, 9.0, 9.0 }, 0, 4),
			// On track on both measures; the last check-in falls by 2 points to below 9.
			new Course("alliance drop", new int[] { 13, 12, 10, 10, 9 }, new int[] { 10, 9, 9, 8, 8 },
					new double[] { 9.25, 9.5, 9.5, 9.5, 7.5 }, 0, 2),
			// Improving, but the latest PHQ-9 answers item 9 with "several days".
			new Course("risk answer", new int[] { 17, 15, 14, 14 }, new int[] { 13, 12, 12, 11 },
					new double[] { 9.5, 9.5, 9.25, 9.5 }, 4, 1),
			// Declined the GAD-7 at sessions 2 and 3: recorded as the client's choice, never chased.
			new Course("declines a measure", new int[] { 12, 11, 9, 8 }, new int[] { 11, DECLINED, DECLINED, 9 },
					new double[] { 9.5, 9.75, 9.5, 9.75 }, 0, 5));

	/** Session counts of the clients who improve as expected, Sam's remaining clients first. */
	private static final int[] ORDINARY_SESSIONS = { 6, 3, 1, 4, 5, 7, 3, 6, 4, 2 };

	/** How many clients of each other therapist get an ordinary history. */
	private static final int OTHERS_PER_THERAPIST = 2;

	private final Appointments appointments;

	private final Administrations administrations;

	private final Clock clock;

	private final Consents consents;

	private final JdbcClient jdbc;

	DemoFeedback(Appointments appointments, Administrations administrations, Clock clock, Consents consents,
			JdbcClient jdbc) {
		this.appointments = appointments;
		this.administrations = administrations;
		this.clock = clock;
		this.consents = consents;
		this.jdbc = jdbc;
	}

	/**
	 * Creates the histories, in the caller's transaction.
	 * @param sam the therapist whose clients show the cases
	 * @param clients the practice's clients in the order they were created; Sam's first is Alex Rivera
	 */
	void create(PracticeId practice, ZoneId zone, UserId sam, List<DemoClient> clients) {
		long started = System.nanoTime();
		var random = new Random(SEED);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<DemoClient> sams = clients.stream().filter(c -> c.therapist().equals(sam)).toList();
		var shown = new StringJoiner(", ");
		int slot = 0;
		int ordinary = 0;
		int histories = 0;
		var places = new WeeklyPlaces();
		for (DemoClient client : sams) {
			Course course = slot < CASES.size() ? CASES.get(slot)
					: ordinary(ORDINARY_SESSIONS[ordinary++ % ORDINARY_SESSIONS.length], random);
			createHistory(practice, zone, client, course, places.place(client.therapist(),
					today.minusDays(course.daysAgo()), slot), random);
			if (slot < CASES.size()) {
				shown.add(client.name() + " (" + course.label() + ")");
			}
			slot++;
			histories++;
		}
		if (!sams.isEmpty()) {
			// Alex's next session is tomorrow (a day Sam works), so the portal has measures to complete now.
			appointments.book(practice, sams.get(0).id(), sam,
					DemoScheduling.tomorrow(zone).atTime(DemoScheduling.DAY_STARTS).atZone(zone).toInstant(), SESSION);
		}
		var perTherapist = new LinkedHashMap<UserId, Integer>();
		for (DemoClient client : clients) {
			if (client.therapist().equals(sam)
					|| perTherapist.merge(client.therapist(), 1, Integer::sum) > OTHERS_PER_THERAPIST) {
				continue;
			}
			Course course = ordinary(ORDINARY_SESSIONS[ordinary++ % ORDINARY_SESSIONS.length], random);
			createHistory(practice, zone, client, course,
					places.place(client.therapist(), today.minusDays(course.daysAgo()), slot++), random);
			histories++;
		}
		log.info("Created demo measurement histories for {} clients in {} ms; Sam Okafor's clients show {}",
				histories, (System.nanoTime() - started) / 1_000_000, shown);
	}

	/** A client who improves about as the default model expects, with a little noise, raising no alert. */
	static Course ordinary(int sessions, Random random) {
		int phqIntake = 10 + random.nextInt(10);
		int gadIntake = 8 + random.nextInt(8);
		int[] phq9 = new int[sessions];
		int[] gad7 = new int[sessions];
		double[] checkIns = new double[sessions];
		for (int i = 0; i < sessions; i++) {
			phq9[i] = expected(PHQ9, phqIntake, i + 1, random);
			gad7[i] = expected(GAD7, gadIntake, i + 1, random);
			// 9.25 to 10: never below the alliance cut-off of 9, never a drop of 1.
			checkIns[i] = 9.25 + 0.25 * random.nextInt(4);
		}
		return new Course("improving as expected", phq9, gad7, checkIns, 0, 2 + random.nextInt(5));
	}

	/**
	 * A score a little better than the model expects at this session: never off track, never above
	 * the intake, and by session 6 a reliable change or out of the clinical range.
	 */
	private static int expected(String code, int intake, int session, Random random) {
		if (session == 1) {
			return intake;
		}
		var curve = MODEL.curve(code).orElseThrow();
		double expected = intake + curve.band(intake).slope() * Math.log(session);
		long score = Math.round(expected - 1 + random.nextInt(3) - 1);
		return (int) Math.max(0, Math.min(intake, score));
	}

	/**
	 * Each session as it happens: book, answer what is due before it, attend, check in after it. The
	 * client signed consent to counselling and to check-ins the day before their first session, and
	 * their episode of care opened with that session.
	 * @param lastSession when the latest session began, in the practice's zone; the others are weekly before it
	 */
	private void createHistory(PracticeId practice, ZoneId zone, DemoClient client, Course course,
			LocalDateTime lastSession, Random random) {
		Instant first = lastSession.minusWeeks(course.sessions() - 1L).atZone(zone).toInstant();
		signedAtIntake(practice, client, first.minus(Duration.ofDays(1)));
		for (int i = 0; i < course.sessions(); i++) {
			int session = i + 1;
			Instant start = lastSession.minusWeeks(course.sessions() - session).atZone(zone).toInstant();
			AppointmentId appointment = appointments.book(practice, client.id(), client.therapist(), start, SESSION);
			Map<String, AdministrationId> before = dueFor(practice, client.id(), appointment);
			answer(practice, client.id(), before.get(PHQ9), course.phq9()[i],
					total -> itemAnswers(total, 3, PHQ9_WEIGHTS, course.riskSession() == session ? 1 : 0, random));
			answer(practice, client.id(), before.get(GAD7), course.gad7()[i],
					total -> itemAnswers(total, 3, GAD7_WEIGHTS, 0, random));
			appointments.attend(practice, appointment);
			AdministrationId checkIn = dueFor(practice, client.id(), appointment).get(CHECK_IN);
			if (checkIn != null) {
				administrations.submit(practice, client.id(), checkIn, checkInAnswers(course.checkIns()[i], random),
						"PORTAL", null);
			}
		}
		// The episode opened when booking began, that is now; its care began at the first session.
		jdbc.sql("update episode set opened_at = :first where practice_id = :p and client_id = :c and closed_at is null")
			.param("first", OffsetDateTime.ofInstant(first, ZoneOffset.UTC))
			.param("p", practice.value())
			.param("c", client.id().value())
			.update();
	}

	/**
	 * Consent to counselling and to check-ins, as signed at intake: straight into the table with its
	 * time, since the portal can only sign now.
	 */
	private void signedAtIntake(PracticeId practice, DemoClient client, Instant at) {
		for (ConsentKind kind : new ConsentKind[] { ConsentKind.TREATMENT, ConsentKind.MEASUREMENT }) {
			ConsentDocument document = consents.current(practice, kind);
			jdbc.sql("""
					insert into consent_signature (practice_id, signature_id, client_id, document_id, typed_name,
					    signed_at, content_hash)
					values (:p, :id, :c, :d, :name, :at, :hash)""")
				.param("p", practice.value())
				.param("id", Ids.next())
				.param("c", client.id().value())
				.param("d", document.id().value())
				.param("name", client.name())
				.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("hash", document.contentHash())
				.update();
		}
	}

	/**
	 * Weekly places (a therapist, a working day, an hour) taken by the demo's clients: each client
	 * keeps one, as people do, and no two overlap or fall outside the therapist's working week.
	 */
	static final class WeeklyPlaces {

		private static final int HOURS = DemoScheduling.DAY_ENDS.getHour() - DemoScheduling.DAY_STARTS.getHour();

		private final Set<String> taken = new HashSet<>();

		/**
		 * The latest working day on or before {@code latest} with a free hour for this therapist,
		 * at that hour; the client's slot number picks the hour tried first.
		 */
		LocalDateTime place(UserId therapist, LocalDate latest, int slot) {
			for (LocalDate day = latest;; day = day.minusDays(1)) {
				if (!DemoScheduling.WORKING_DAYS.contains(day.getDayOfWeek())) {
					continue;
				}
				for (int i = 0; i < HOURS; i++) {
					int hour = DemoScheduling.DAY_STARTS.getHour() + (slot + i) % HOURS;
					if (taken.add(therapist.value() + "/" + day.getDayOfWeek() + "/" + hour)) {
						return day.atTime(hour, 0);
					}
				}
			}
		}

	}

	private void answer(PracticeId practice, ClientId client, @Nullable AdministrationId id, int total,
			IntFunction<Map<String, Integer>> answers) {
		if (id == null) {
			return;
		}
		if (total == DECLINED) {
			administrations.decline(practice, client, id);
		}
		else {
			administrations.submit(practice, client, id, answers.apply(total), "PORTAL", null);
		}
	}

	/** The client's due measures of one appointment, by instrument. */
	private Map<String, AdministrationId> dueFor(PracticeId practice, ClientId client, AppointmentId appointment) {
		var due = new LinkedHashMap<String, AdministrationId>();
		for (Administration a : administrations.due(practice, client)) {
			if (appointment.value().equals(a.appointmentId())) {
				due.put(a.instrumentCode(), a.id());
			}
		}
		return due;
	}

	/**
	 * Answers q1..qN adding up to {@code total}: point by point to an item chosen at random in
	 * proportion to its weight, among items not yet at {@code max}. The last item is set to
	 * {@code lastItem} instead when its weight is 0 (PHQ-9 item 9).
	 * @throws IllegalArgumentException when the items cannot hold the total
	 */
	static Map<String, Integer> itemAnswers(int total, int max, double[] weights, int lastItem, Random random) {
		int last = weights.length - 1;
		int[] values = new int[weights.length];
		if (weights[last] == 0) {
			values[last] = lastItem;
		}
		int remaining = total - values[last];
		if (remaining < 0) {
			throw new IllegalArgumentException("Items cannot add up to " + total);
		}
		for (; remaining > 0; remaining--) {
			double open = 0;
			for (int i = 0; i < weights.length; i++) {
				open += values[i] < max ? weights[i] : 0;
			}
			if (open == 0) {
				throw new IllegalArgumentException("Items cannot add up to " + total);
			}
			double pick = random.nextDouble() * open;
			int chosen = -1;
			for (int i = 0; i < weights.length; i++) {
				if (values[i] < max && weights[i] > 0) {
					chosen = i;
					pick -= weights[i];
					if (pick < 0) {
						break;
					}
				}
			}
			values[chosen]++;
		}
		return named(values);
	}

	/**
	 * Four 0–10 answers averaging {@code average} (a multiple of 0.25), not all the same: people
	 * rarely rate every question alike.
	 */
	static Map<String, Integer> checkInAnswers(double average, Random random) {
		int sum = (int) Math.round(average * 4);
		int[] values = new int[4];
		Arrays.fill(values, sum / 4);
		for (int extra = sum % 4, i = random.nextInt(4); extra > 0; extra--, i = (i + 1) % 4) {
			values[i]++;
		}
		int up = random.nextInt(4);
		int down = (up + 1 + random.nextInt(3)) % 4;
		if (values[up] < 10 && values[down] > 0 && random.nextBoolean()) {
			values[up]++;
			values[down]--;
		}
		return named(values);
	}

	private static Map<String, Integer> named(int[] values) {
		var answers = new LinkedHashMap<String, Integer>();
		for (int i = 0; i < values.length; i++) {
			answers.put("q" + (i + 1), values[i]);
		}
		return answers;
	}

}
