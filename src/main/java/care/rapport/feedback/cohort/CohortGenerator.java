package care.rapport.feedback.cohort;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * A seeded simulated cohort of clients in routine outpatient therapy, one row per client and
 * session, in the import format: {@code client,session,date,phq9_1,…,phq9_total,gad7_1,…,gad7_total,
 * checkin_1,…,checkin_4}. The same seed and parameters give the same file on any machine.
 * <p>
 * Each client has a true course (responder, no change, or deterioration), a true intake and a
 * planned number of sessions; the scores are the true course plus measurement error, rounded and
 * kept in range, and split into item answers. Run from the command line:
 * {@code java -cp target/classes care.rapport.feedback.cohort.CohortGenerator --seed 1 --clients 2000 --out cohort.csv}
 */
public final class CohortGenerator {

	/** The exact header of the import format. */
	public static final String HEADER = "client,session,date,phq9_1,phq9_2,phq9_3,phq9_4,phq9_5,phq9_6,phq9_7,phq9_8,"
			+ "phq9_9,phq9_total,gad7_1,gad7_2,gad7_3,gad7_4,gad7_5,gad7_6,gad7_7,gad7_total,checkin_1,checkin_2,"
			+ "checkin_3,checkin_4";

	/** How a client's course goes. */
	public enum Course {
		RESPONDER, NO_CHANGE, DETERIORATION
	}

	/**
	 * One session of a simulated client.
	 * @param phq9 the nine item answers
	 * @param gad7 the seven item answers, or none when not completed
	 * @param checkIn the four check-in answers, or none when not completed
	 * @param rupture whether the simulated alliance ruptured at this session (the truth)
	 */
	public record Session(int number, LocalDate date, int[] phq9, int @Nullable [] gad7, int @Nullable [] checkIn,
			boolean rupture) {

		public int phq9Total() {
			return sum(phq9);
		}

		public @Nullable Integer gad7Total() {
			return gad7 == null ? null : sum(gad7);
		}

		public @Nullable Double checkInAverage() {
			return checkIn == null ? null : sum(checkIn) / 4.0;
		}

	}

	/** A simulated client: an id, the true course, and their sessions. */
	public record SimulatedClient(String id, Course course, List<Session> sessions) {

		/** Whether the PHQ-9 ended reliably worse than it started: last − first ≥ 6. */
		public boolean reliablyWorse() {
			return sessions.get(sessions.size() - 1).phq9Total() - sessions.get(0).phq9Total() >= 6;
		}

	}

	private CohortGenerator() {
	}

	public static List<SimulatedClient> generate(CohortParameters p, long seed) {
		var random = new SplittableRandom(seed);
		var clients = new ArrayList<SimulatedClient>(p.clients());
		LocalDate firstIntake = LocalDate.of(2024, 1, 8);
		for (int c = 1; c <= p.clients(); c++) {
			clients.add(client(p, random.split(), "C%05d".formatted(c), firstIntake.plusDays(random.nextInt(365))));
		}
		return clients;
	}

	private static SimulatedClient client(CohortParameters p, SplittableRandom r, String id, LocalDate start) {
		double u = r.nextDouble();
		Course course = u < p.responders() ? Course.RESPONDER
				: u < p.responders() + p.deteriorators() ? Course.DETERIORATION : Course.NO_CHANGE;
		double phqIntake = clamp(p.intakeMean() + p.intakeSd() * gaussian(r), 3, 27);
		// GAD-7 correlates with PHQ-9 at intake (r about 0.6) and follows the same course.
		double gadIntake = clamp(13 + 0.6 * (phqIntake - p.intakeMean()) * (4.0 / p.intakeSd())
				+ 0.8 * 4.0 * gaussian(r), 2, 21);
		double share = switch (course) {
			case RESPONDER -> -(0.35 + 0.45 * r.nextDouble());
			case NO_CHANGE -> 0.08 * gaussian(r);
			case DETERIORATION -> 0.35 + 0.35 * r.nextDouble();
		};
		double phqChange = course == Course.DETERIORATION ? Math.min(6 + 6 * r.nextDouble(), 27 - phqIntake)
				: share * phqIntake;
		double gadChange = course == Course.DETERIORATION ? Math.min(share * 12, 21 - gadIntake) : share * gadIntake;
		int planned = 6 + r.nextInt(9);
		int sessions = r.nextDouble() < p.dropout() ? 2 + r.nextInt(Math.max(1, planned - 2)) : planned;
		double usualCheckIn = clamp(p.checkInMean() + p.checkInBetweenSd() * gaussian(r), 5, 10);
		boolean riskTrait = r.nextDouble() < p.riskTrait();
		var list = new ArrayList<Session>(sessions);
		LocalDate date = start;
		for (int n = 1; n <= sessions; n++) {
			double progress = course == Course.DETERIORATION ? 1 - Math.exp(-(n - 1) / p.deteriorationOnset())
					: Math.min(1, Math.log(n) / Math.log(10));
			int phq = (int) Math.round(clamp(phqIntake + phqChange * progress + p.phqError() * gaussian(r), 0, 27));
			int gad = (int) Math.round(clamp(gadIntake + gadChange * progress + p.gadError() * gaussian(r), 0, 21));
			boolean rupture = r.nextDouble() < p.ruptureRate();
			double checkIn = clamp(usualCheckIn + p.checkInWithinSd() * gaussian(r)
					- (rupture ? p.ruptureFall() + 0.5 * gaussian(r) : 0), 0, 10);
			int[] phqItems = phqItems(r, phq, riskTrait);
			int @Nullable [] gadItems = r.nextDouble() < 0.03 ? null : items(r, gad, 7, 3);
			int @Nullable [] checkInItems = r.nextDouble() < 0.04 ? null : checkInItems(r, checkIn);
			list.add(new Session(n, date, phqItems, gadItems, checkInItems, rupture && checkInItems != null));
			date = date.plusDays(5 + r.nextInt(5));
		}
		return new SimulatedClient(id, course, List.copyOf(list));
	}

	/** Item 9 first (endorsed at times by clients with the trait, more often when more depressed), then the rest. */
	private static int[] phqItems(SplittableRandom r, int total, boolean riskTrait) {
		double chance = riskTrait ? Math.min(0.9, total / 18.0) : 0.01;
		int nine = r.nextDouble() < chance ? (r.nextDouble() < 0.75 ? 1 : r.nextDouble() < 0.8 ? 2 : 3) : 0;
		nine = Math.min(nine, total);
		nine = Math.max(nine, total - 24);
		int[] rest = items(r, total - nine, 8, 3);
		int[] all = new int[9];
		System.arraycopy(rest, 0, all, 0, 8);
		all[8] = nine;
		return all;
	}

	/** Spreads a total over {@code count} items of 0 to {@code max} at random. */
	private static int[] items(SplittableRandom r, int total, int count, int max) {
		int[] items = new int[count];
		for (int unit = 0; unit < total; unit++) {
			int i;
			do {
				i = r.nextInt(count);
			}
			while (items[i] >= max);
			items[i]++;
		}
		return items;
	}

	private static int[] checkInItems(SplittableRandom r, double average) {
		int[] items = new int[4];
		for (int i = 0; i < 4; i++) {
			items[i] = (int) Math.round(clamp(average + 0.4 * gaussian(r), 0, 10));
		}
		return items;
	}

	/** Writes the cohort in the import format, UTF-8, one row per client and session. */
	public static void write(List<SimulatedClient> cohort, Writer out) throws IOException {
		out.write(HEADER);
		out.write('\n');
		for (SimulatedClient client : cohort) {
			for (Session s : client.sessions()) {
				var row = new StringBuilder().append(client.id()).append(',').append(s.number()).append(',').append(s.date());
				for (int v : s.phq9()) {
					row.append(',').append(v);
				}
				row.append(',').append(s.phq9Total());
				appendItems(row, s.gad7(), 7);
				appendItems(row, s.checkIn(), 4);
				out.write(row.append('\n').toString());
			}
		}
	}

	private static void appendItems(StringBuilder row, int @Nullable [] items, int count) {
		// the check-in has no total column: its score is the mean of its items
		if (items == null) {
			row.append(",".repeat(count + (count == 7 ? 1 : 0)));
			return;
		}
		int total = 0;
		for (int v : items) {
			row.append(',').append(v);
			total += v;
		}
		if (count == 7) {
			row.append(',').append(total);
		}
	}

	/**
	 * {@code --seed S --clients N --out FILE}: writes a cohort (defaults: seed 1, 2,000 clients,
	 * standard output).
	 */
	public static void main(String[] args) throws IOException {
		long seed = 1;
		int clients = 2000;
		@Nullable String out = null;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--seed" -> seed = Long.parseLong(args[i + 1]);
				case "--clients" -> clients = Integer.parseInt(args[i + 1]);
				case "--out" -> out = args[i + 1];
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ "; use --seed S --clients N --out FILE");
			}
		}
		var cohort = generate(CohortParameters.published(clients), seed);
		if (out == null) {
			var writer = new java.io.OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out),
					StandardCharsets.UTF_8);
			write(cohort, writer);
			writer.flush();
		}
		else {
			try (Writer writer = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
				write(cohort, writer);
			}
		}
	}

	private static int sum(int[] values) {
		int total = 0;
		for (int v : values) {
			total += v;
		}
		return total;
	}

	private static double gaussian(SplittableRandom r) {
		// Box–Muller from the seeded stream, so the cohort does not depend on the JDK's Random.nextGaussian
		double u1 = 1 - r.nextDouble();
		double u2 = r.nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
