package care.rapport.fhir;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.identity.RapportUser;
import care.rapport.measures.InstrumentDefinition;
import care.rapport.measures.Instruments;
import care.rapport.measures.PracticeInstrumentSource;
import care.rapport.practice.PracticeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practice's own instruments, imported by its admins as FHIR Questionnaires. An import is all or
 * nothing: a Questionnaire that cannot be read as a valid instrument stores nothing.
 */
@Service
public class ImportedInstruments implements PracticeInstrumentSource {

	/** Parsed definitions per practice; dropped on import, so a new instrument is usable at once. */
	private final java.util.Map<PracticeId, List<InstrumentDefinition>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

	/** Far above any real questionnaire (PHQ-9 exports to about 20 kB), well below memory trouble. */
	static final int MAX_LENGTH = 1_000_000;

	private final JdbcClient jdbc;

	private final QuestionnaireJson json;

	private final QuestionnaireMapper mapper;

	private final Instruments shipped;

	private final AuditLog audit;

	private final Clock clock;

	ImportedInstruments(JdbcClient jdbc, QuestionnaireJson json, QuestionnaireMapper mapper, Instruments shipped,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.mapper = mapper;
		this.shipped = shipped;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores a Questionnaire as an instrument of the admin's practice, and audits it.
	 * @param questionnaire FHIR R4 Questionnaire JSON, kept exactly as given
	 * @throws QuestionnaireFormatException naming every problem, also when the code is one Rapport ships
	 * or this version of the instrument is already imported; nothing is stored
	 * @throws care.rapport.practice.RecordNotFoundException when the user is not an admin of the practice
	 */
	@Transactional
	public InstrumentDefinition importQuestionnaire(RapportUser admin, String questionnaire) {
		admin.requirePracticeAdmin();
		if (questionnaire.length() > MAX_LENGTH) {
			throw new QuestionnaireFormatException(
					List.of("json: longer than " + MAX_LENGTH + " characters; is this one Questionnaire?"));
		}
		InstrumentDefinition definition = mapper.fromQuestionnaire(json.parse(questionnaire));
		if (shipped.find(definition.code()).isPresent()) {
			throw new QuestionnaireFormatException(List.of("Questionnaire.identifier: " + definition.code()
					+ " is an instrument Rapport ships with; give your instrument a code of its own"));
		}
		// "do nothing" rather than a caught duplicate-key error, so that the transaction stays usable.
		int stored = jdbc.sql("""
				insert into practice_instrument (practice_id, code, version, title, definition, imported_by, imported_at)
				values (:p, :code, :version, :title, :definition, :by, :at)
				on conflict on constraint practice_instrument_pk do nothing""")
			.param("p", admin.practiceId().value())
			.param("code", definition.code())
			.param("version", definition.version())
			.param("title", definition.title())
			.param("definition", questionnaire)
			.param("by", admin.id().value())
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
		if (stored == 0) {
			throw new QuestionnaireFormatException(List.of("Questionnaire.version: " + definition.code() + " version "
					+ definition.version() + " is already imported; raise the version to import a revision"));
		}
		parsed.remove(admin.practiceId());
		audit.record(AuditEntry.of(admin.practiceId(), admin.actor(), AuditAction.INSTRUMENT_IMPORTED,
				"Imported " + definition.code() + " version " + definition.version() + " from a FHIR Questionnaire"));
		return definition;
	}

	/** The practice's imported instruments, by code, newest version first. */
	public List<ImportedInstrument> list(PracticeId practice) {
		return jdbc.sql("""
				select i.code, i.version, i.title, i.imported_at, u.display_name
				from practice_instrument i left join user_account u on u.user_id = i.imported_by
				where i.practice_id = :p
				order by i.code, i.version desc""")
			.param("p", practice.value())
			.query((rs, n) -> new ImportedInstrument(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
			.list();
	}

	/**
	 * The Questionnaire JSON of one of the practice's instruments, as it was imported.
	 * @param version a version, or none for the newest
	 */
	public Optional<StoredQuestionnaire> questionnaire(PracticeId practice, String code, Optional<Integer> version) {
		return jdbc.sql("""
				select code, version, definition from practice_instrument
				where practice_id = :p and code = :code and (cast(:version as int) is null or version = :version)
				order by version desc limit 1""")
			.param("p", practice.value())
			.param("code", code.toUpperCase(Locale.ROOT))
			.param("version", version.orElse(null))
			.query((rs, n) -> new StoredQuestionnaire(rs.getString(1), rs.getInt(2), rs.getString(3)))
			.optional();
	}

	/** The newest version of each instrument the practice imported, ready to score. */
	@Override
	public List<InstrumentDefinition> definitions(PracticeId practice) {
		return parsed.computeIfAbsent(practice, p -> jdbc.sql("""
				select distinct on (code) definition from practice_instrument
				where practice_id = :p order by code, version desc""")
			.param("p", p.value())
			.query(String.class)
			.list()
			.stream()
			.map(stored -> mapper.fromQuestionnaire(json.parse(stored)))
			.toList());
	}

	/** A Questionnaire as imported, with the instrument's code and version. */
	public record StoredQuestionnaire(String code, int version, String json) {
	}

}
