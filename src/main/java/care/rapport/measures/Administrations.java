package care.rapport.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.clients.Episodes;
import care.rapport.consent.ConsentGiven;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.identity.UserId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Tokens;
import care.rapport.scheduling.AppointmentAttended;
import care.rapport.scheduling.AppointmentBooked;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking clients to complete measures and storing their answers. Measures fall due with
 * sessions, following the client's measurement plan; a submitted response is scored at once and
 * announced as {@link ResponseScored} in the same transaction, so no answer is stored unscored.
 */
@Service
public class Administrations {

	/** The plan a client gets until their therapist changes it. */
	public static final Map<String, MeasurementTiming> DEFAULT_PLAN = Map.of("PHQ-9", MeasurementTiming.BEFORE_SESSION,
			"GAD-7", MeasurementTiming.BEFORE_SESSION, "CHECK-IN", MeasurementTiming.AFTER_SESSION);

	/**
	 * An asking belongs to the session of its appointment: the number the session was given when it
	 * was attended (kept by scheduling, never changed), or before that the number it is expected to
	 * get, the sessions attended before it plus one. A measure due before session 3 and the check-in
	 * after it share 3.
	 */
	private static final String SESSION_NUMBER = """
			case when a.appointment_id is null then null else
			    (select coalesce(ap.session_number, 1 + count(p.appointment_id)) from appointment ap
			     left join appointment p on p.practice_id = ap.practice_id and p.episode_id = ap.episode_id
			         and p.status = 'ATTENDED' and p.starts_at < ap.starts_at
			     where ap.practice_id = a.practice_id and ap.appointment_id = a.appointment_id
			     group by ap.session_number) end""";

	private static final String SELECT = """
			select a.*, %s as session_number
			from administration a
			where a.practice_id = :p and a.client_id = :c
			""".formatted(SESSION_NUMBER);

	private static final RowMapper<Administration> ADMINISTRATION = (rs, n) -> new Administration(
			new AdministrationId(rs.getObject("administration_id", UUID.class)),
			new ClientId(rs.getObject("client_id", UUID.class)), rs.getObject("episode_id", UUID.class),
			rs.getObject("appointment_id", UUID.class), rs.getString("instrument_code"),
			Integer.parseInt(rs.getString("instrument_version")),
			rs.getObject("due_at", OffsetDateTime.class).toInstant(),
			AdministrationStatus.valueOf(rs.getString("status")), rs.getString("source"),
			rs.getObject("completed_at", OffsetDateTime.class) == null ? null
					: rs.getObject("completed_at", OffsetDateTime.class).toInstant(),
			plain(rs.getBigDecimal("total")), rs.getString("band"), (Boolean) rs.getObject("in_clinical_range"),
			rs.getObject("session_number") == null ? null : rs.getInt("session_number"));

	private final JdbcClient jdbc;

	private final Instruments instruments;

	private final Episodes episodes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Consents consents;

	Administrations(JdbcClient jdbc, Instruments instruments, Episodes episodes, ApplicationEventPublisher events,
			Clock clock, Consents consents) {
		this.consents = consents;
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.episodes = episodes;
		this.events = events;
		this.clock = clock;
	}

	/** How often a periodic measure is asked, when none is given: every four weeks. */
	public static final int DEFAULT_EVERY_WEEKS = 4;

	/** The client's measurement plan: instrument code to timing. */
	public Map<String, MeasurementTiming> planOf(PracticeId practice, ClientId client) {
		var plan = new java.util.TreeMap<String, MeasurementTiming>();
		jdbc.sql("select instrument_code, timing from measurement_plan where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> plan.put(rs.getString(1), MeasurementTiming.valueOf(rs.getString(2))))
			.list();
		return plan.isEmpty() ? new java.util.TreeMap<>(DEFAULT_PLAN) : plan;
	}

	/** For periodic measures of the plan: instrument code to weeks between askings. */
	public Map<String, Integer> periodsOf(PracticeId practice, ClientId client) {
		var weeks = new java.util.TreeMap<String, Integer>();
		jdbc.sql("""
				select instrument_code, every_weeks from measurement_plan
				where practice_id = :p and client_id = :c and every_weeks is not null""")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> weeks.put(rs.getString(1), rs.getInt(2)))
			.list();
		return weeks;
	}

	/** Replaces the client's plan; periodic measures are asked every {@link #DEFAULT_EVERY_WEEKS} weeks. */
	@Transactional
	public void setPlan(PracticeId practice, ClientId client, Map<String, MeasurementTiming> plan) {
		setPlan(practice, client, plan, Map.of());
	}

	/**
	 * Replaces the client's plan.
	 * @param weeks for periodic measures, the weeks between askings (1 to 52); others ignore it
	 */
	@Transactional
	public void setPlan(PracticeId practice, ClientId client, Map<String, MeasurementTiming> plan,
			Map<String, Integer> weeks) {
		weeks.values().forEach(w -> {
			if (w < 1 || w > 52) {
				throw new IllegalArgumentException("Ask periodic measures every 1 to 52 weeks.");
			}
		});
		plan.keySet().forEach(code -> instruments.get(practice, code));
		jdbc.sql("delete from measurement_plan where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.update();
		plan.forEach((code, timing) -> jdbc.sql("""
				insert into measurement_plan (practice_id, client_id, instrument_code, timing, every_weeks, created_at)
				values (:p, :c, :code, :timing, :weeks, :now)""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("code", code)
			.param("timing", timing.name())
			.param("weeks", timing == MeasurementTiming.EVERY_N_WEEKS ? weeks.getOrDefault(code, DEFAULT_EVERY_WEEKS) : null)
			.param("now", utc(clock.instant()))
			.update());
	}

	/**
	 * Asks for each periodic measure whose last asking is older than its period, for clients with
	 * an open episode. Not tied to a session, so it shows in the history rather than on the chart.
	 * @return how many askings fell due
	 */
	@Transactional
	public int makePeriodicMeasuresDue() {
		record Due(UUID practiceId, UUID clientId, UUID episodeId, String code) {
		}
		List<Due> due = jdbc.sql("""
				select mp.practice_id, mp.client_id, e.episode_id, mp.instrument_code as code
				from measurement_plan mp
				join episode e on e.practice_id = mp.practice_id and e.client_id = mp.client_id and e.closed_at is null
				where mp.timing = 'EVERY_N_WEEKS'
				  and not exists (select 1 from administration a
				                  where a.practice_id = mp.practice_id and a.client_id = mp.client_id
				                    and a.instrument_code = mp.instrument_code
				                    and a.due_at > :now - make_interval(weeks => mp.every_weeks))""")
			.param("now", utc(clock.instant()))
			.query(Due.class)
			.list();
		int made = 0;
		for (Due d : due) {
			if (consented(new PracticeId(d.practiceId()), new ClientId(d.clientId()))) {
				insertDue(new PracticeId(d.practiceId()), new ClientId(d.clientId()), d.episodeId(), null, d.code(),
						clock.instant());
				made++;
			}
		}
		return made;
	}

	@EventListener
	void on(AppointmentBooked booked) {
		// A session recorded after it took place: asking before it is impossible, and "missed" would be untrue.
		if (booked.afterTheFact() || !consented(booked.practiceId(), booked.clientId())) {
			return;
		}
		planOf(booked.practiceId(), booked.clientId()).forEach((code, timing) -> {
			if (timing == MeasurementTiming.BEFORE_SESSION) {
				insertDue(booked.practiceId(), booked.clientId(), booked.episodeId().value(),
						booked.appointmentId().value(), code, booked.startsAt());
			}
		});
	}

	/**
	 * At a session, what was due before it and not done is recorded as missed, and what is due
	 * after it falls due now.
	 */
	@EventListener
	@org.springframework.core.annotation.Order(0)
	void on(AppointmentAttended attended) {
		jdbc.sql("""
				update administration set status = 'MISSED'
				where practice_id = :p and appointment_id = :a and status = 'DUE'""")
			.param("p", attended.practiceId().value())
			.param("a", attended.appointmentId().value())
			.update();
		if (!consented(attended.practiceId(), attended.clientId())) {
			return;
		}
		planOf(attended.practiceId(), attended.clientId()).forEach((code, timing) -> {
			if (timing == MeasurementTiming.AFTER_SESSION) {
				insertDue(attended.practiceId(), attended.clientId(), attended.episodeId().value(),
						attended.appointmentId().value(), code, clock.instant());
			}
		});
	}

	/**
	 * When the client signs consent to measurement, the plan starts: what is due before their
	 * sessions already booked falls due as if those sessions had been booked now.
	 */
	@EventListener
	void on(ConsentGiven given) {
		if (given.kind() != ConsentKind.MEASUREMENT) {
			return;
		}
		var plan = planOf(given.practiceId(), given.clientId());
		record Booked(UUID appointmentId, UUID episodeId, OffsetDateTime startsAt) {
		}
		List<Booked> upcoming = jdbc.sql("""
				select ap.appointment_id, ap.episode_id, ap.starts_at from appointment ap
				join episode e on e.practice_id = ap.practice_id and e.episode_id = ap.episode_id and e.closed_at is null
				where ap.practice_id = :p and ap.client_id = :c and ap.status = 'SCHEDULED' and ap.starts_at > :now""")
			.param("p", given.practiceId().value())
			.param("c", given.clientId().value())
			.param("now", utc(clock.instant()))
			.query(Booked.class)
			.list();
		for (Booked booked : upcoming) {
			plan.forEach((code, timing) -> {
				if (timing == MeasurementTiming.BEFORE_SESSION
						&& !asked(given.practiceId(), booked.appointmentId(), code)) {
					insertDue(given.practiceId(), given.clientId(), booked.episodeId(), booked.appointmentId(), code,
							booked.startsAt().toInstant());
				}
			});
		}
	}

	private boolean asked(PracticeId practice, UUID appointment, String code) {
		return jdbc.sql("""
				select count(*) from administration
				where practice_id = :p and appointment_id = :a and instrument_code = :code""")
			.param("p", practice.value())
			.param("a", appointment)
			.param("code", code)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether the client may be asked for measures: only while their consent to measurement (of
	 * the current version) stands, as messaging waits for its own consent. Before they sign, and
	 * from the moment they withdraw, nothing falls due, no link is sent and nothing is offered.
	 */
	public boolean consented(PracticeId practice, ClientId client) {
		return consents.hasConsent(practice, client, ConsentKind.MEASUREMENT);
	}

	private AdministrationId insertDue(PracticeId practice, ClientId client, UUID episode, @Nullable UUID appointment,
			String code, Instant dueAt) {
		var id = new AdministrationId(Ids.next());
		jdbc.sql("""
				insert into administration (practice_id, administration_id, client_id, episode_id, appointment_id,
				    instrument_code, instrument_version, due_at, status)
				values (:p, :id, :c, :e, :a, :code, :version, :due, 'DUE')""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("c", client.value())
			.param("e", episode)
			.param("a", appointment)
			.param("code", code)
			.param("version", Integer.toString(instruments.get(practice, code).version()))
			.param("due", utc(dueAt))
			.update();
		return id;
	}

	/** What the client is asked to complete now, oldest first; nothing without their consent. */
	public List<Administration> due(PracticeId practice, ClientId client) {
		if (!consented(practice, client)) {
			return List.of();
		}
		return jdbc.sql(SELECT + " and a.status = 'DUE' and a.due_at <= :horizon order by a.due_at, a.instrument_code")
			.param("p", practice.value())
			.param("c", client.value())
			.param("horizon", utc(clock.instant().plus(java.time.Duration.ofDays(2))))
			.query(ADMINISTRATION)
			.list();
	}

	public Optional<Administration> find(PracticeId practice, ClientId client, AdministrationId id) {
		return jdbc.sql(SELECT + " and a.administration_id = :id")
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", id.value())
			.query(ADMINISTRATION)
			.optional();
	}

	/** Every asking of the client in their current episode, oldest first. */
	public List<Administration> history(PracticeId practice, ClientId client) {
		var episode = episodes.current(practice, client);
		if (episode.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from (" + SELECT + " and a.episode_id = :e) h "
				+ "order by session_number nulls last, coalesce(completed_at, due_at), instrument_code")
			.param("p", practice.value())
			.param("c", client.value())
			.param("e", episode.get().id().value())
			.query(ADMINISTRATION)
			.list();
	}

	/** The current-episode histories of many clients at once, for a caseload: client to its askings, oldest first. */
	public Map<ClientId, List<Administration>> currentHistories(PracticeId practice, java.util.Collection<ClientId> clients) {
		if (clients.isEmpty()) {
			return Map.of();
		}
		var histories = new java.util.HashMap<ClientId, List<Administration>>();
		jdbc.sql("""
				select * from (
				  select a.*, %s as session_number
				  from administration a
				  join episode e on e.practice_id = a.practice_id and e.episode_id = a.episode_id and e.closed_at is null
				  where a.practice_id = :p and a.client_id = any(:clients) and a.status <> 'DUE') h
				order by client_id, session_number nulls last, coalesce(completed_at, due_at), instrument_code"""
				.formatted(SESSION_NUMBER))
			.param("p", practice.value())
			.param("clients", clients.stream().map(ClientId::value).toArray(UUID[]::new))
			.query(ADMINISTRATION)
			.list()
			.forEach(a -> histories.computeIfAbsent(a.clientId(), c -> new java.util.ArrayList<>()).add(a));
		return histories;
	}

	/**
	 * Scores of one instrument in the practice's closed episodes, by session, for fitting the
	 * practice's own expected trajectories: episode to (session, total), oldest first.
	 */
	public List<List<double[]>> closedEpisodeScores(PracticeId practice, String code) {
		var byEpisode = new java.util.LinkedHashMap<UUID, List<double[]>>();
		jdbc.sql("""
				select a.episode_id, a.total,
				       %s as session_number
				from administration a
				join episode e on e.practice_id = a.practice_id and e.episode_id = a.episode_id and e.closed_at is not null
				where a.practice_id = :p and a.instrument_code = :code and a.status = 'COMPLETED'
				  and a.appointment_id is not null
				order by a.episode_id, session_number""".formatted(SESSION_NUMBER))
			.param("p", practice.value())
			.param("code", code)
			.query((rs, n) -> byEpisode.computeIfAbsent(rs.getObject(1, UUID.class), e -> new java.util.ArrayList<>())
				.add(new double[] { rs.getInt(3), rs.getDouble(2) }))
			.list();
		return List.copyOf(byEpisode.values());
	}

	/** The answers given in a completed asking, item id to value. */
	public Map<String, Integer> answers(PracticeId practice, AdministrationId id) {
		var answers = new java.util.LinkedHashMap<String, Integer>();
		jdbc.sql("select item_id, value from answer where practice_id = :p and administration_id = :id")
			.param("p", practice.value())
			.param("id", id.value())
			.query((rs, n) -> answers.put(rs.getString(1), rs.getInt(2)))
			.list();
		return answers;
	}

	/** What became of a submission. */
	public sealed interface Submission {

		Score score();

		/** Stored and scored now. */
		record Received(Score score) implements Submission {
		}

		/** This asking was already answered (a double click, a retry): nothing stored twice. */
		record AlreadyReceived(Score score) implements Submission {
		}

	}

	/**
	 * Scores and stores a client's answers. Invalid answers store nothing; a second submission of
	 * the same asking stores nothing and says it was already received.
	 * @throws InvalidAnswersException listing every missing, unknown or out-of-range answer
	 * @throws ConsentMissingException when the client's consent to measurement does not stand
	 */
	@Transactional
	public Submission submit(PracticeId practice, ClientId client, AdministrationId id, Map<String, Integer> answers,
			String source, @Nullable UserId enteredBy) {
		if (!consented(practice, client)) {
			throw new ConsentMissingException();
		}
		// The row lock makes two simultaneous submissions of one asking store one response.
		var current = jdbc.sql("""
				select status, instrument_code from administration
				where practice_id = :p and client_id = :c and administration_id = :id for update""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", id.value())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No such measure for this client"));
		InstrumentDefinition definition = instruments.get(practice, current[1]);
		if (AdministrationStatus.valueOf(current[0]) == AdministrationStatus.COMPLETED) {
			return new Submission.AlreadyReceived(definition.score(answers(practice, id)));
		}
		Score score = definition.score(answers);
		jdbc.sql("""
				update administration set status = 'COMPLETED', source = :source, completed_at = :now,
				    entered_by = :by, total = :total, band = :band, in_clinical_range = :clinical,
				    instrument_version = :version
				where practice_id = :p and administration_id = :id""")
			.param("source", source)
			.param("now", utc(clock.instant()))
			.param("by", enteredBy == null ? null : enteredBy.value())
			.param("total", score.total())
			.param("band", score.band())
			.param("clinical", score.inClinicalRange())
			.param("version", Integer.toString(definition.version()))
			.param("p", practice.value())
			.param("id", id.value())
			.update();
		AnswerRows.insert(jdbc, practice, id, answers);
		events.publishEvent(new ResponseScored(practice, client, id, score));
		return new Submission.Received(score);
	}

	/** How long a single-use link to one questionnaire works. */
	public static final java.time.Duration LINK_VALID_FOR = java.time.Duration.ofDays(7);

	/**
	 * Makes a single-use link for a due questionnaire, replacing any earlier link to it. Only a
	 * hash of the token is stored.
	 * @return the token to put in the link
	 */
	@Transactional
	public String issueLink(PracticeId practice, ClientId client, AdministrationId id) {
		if (!consented(practice, client)) {
			throw new ConsentMissingException();
		}
		String token = Tokens.newToken();
		int updated = jdbc.sql("""
				update administration set link_token_hash = :hash, link_expires_at = :expires
				where practice_id = :p and client_id = :c and administration_id = :id and status = 'DUE'""")
			.param("hash", Tokens.hash(token))
			.param("expires", utc(clock.instant().plus(LINK_VALID_FOR)))
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", id.value())
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("Only a questionnaire that is still due can be sent");
		}
		return token;
	}

	/** A questionnaire reached through a link, and whether the link still works. */
	public record Linked(PracticeId practiceId, Administration administration, boolean expired) {
	}

	public Optional<Linked> findByLink(String token) {
		record Row(UUID practiceId, UUID clientId, UUID administrationId, OffsetDateTime linkExpiresAt) {
		}
		return jdbc.sql("""
				select practice_id, client_id, administration_id, link_expires_at from administration
				where link_token_hash = :hash""")
			.param("hash", Tokens.hash(token))
			.query(Row.class)
			.optional()
			// A link sent before a withdrawal opens nothing after it.
			.filter(row -> consented(new PracticeId(row.practiceId()), new ClientId(row.clientId())))
			.flatMap(row -> find(new PracticeId(row.practiceId()), new ClientId(row.clientId()),
					new AdministrationId(row.administrationId()))
				.map(a -> new Linked(new PracticeId(row.practiceId()), a,
						row.linkExpiresAt().toInstant().isBefore(clock.instant()))));
	}

	/** The client chose not to answer: recorded, and never asked again for this asking. */
	@Transactional
	public boolean decline(PracticeId practice, ClientId client, AdministrationId id) {
		return jdbc.sql("""
				update administration set status = 'DECLINED'
				where practice_id = :p and client_id = :c and administration_id = :id and status = 'DUE'""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("id", id.value())
			.update() == 1;
	}

	/** Records answers a client gave on paper, entered by staff, against a session. */
	@Transactional
	public Submission enterOnPaper(PracticeId practice, ClientId client, UUID episode, @Nullable UUID appointment,
			String code, Map<String, Integer> answers, UserId enteredBy) {
		if (!consented(practice, client)) {
			throw new ConsentMissingException();
		}
		instruments.get(practice, code).score(answers);
		AdministrationId id = insertDue(practice, client, episode, appointment, code, clock.instant());
		return submit(practice, client, id, answers, "PAPER", enteredBy);
	}

	/** 14.00 as 14 and 9.50 as 9.5: the column keeps two decimals, people read the number as scored. */
	private static java.math.@Nullable BigDecimal plain(java.math.@Nullable BigDecimal total) {
		if (total == null) {
			return null;
		}
		var stripped = total.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
