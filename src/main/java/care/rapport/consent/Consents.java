package care.rapport.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.clients.Clients;
import care.rapport.consent.ConsentRefused.Reason;
import care.rapport.identity.RapportUser;
import care.rapport.practice.Ids;
import care.rapport.practice.Practice;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import care.rapport.practice.RecordNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Informed consent. Each practice has one current version of each {@link ConsentKind} document,
 * written by Rapport the first time the practice needs it and replaced by versions its admins
 * publish. Clients sign the current version with their typed name; only a standing signature of the
 * current version counts as consent ({@link #hasConsent}); a withdrawal counts at once. Signing,
 * withdrawing and publishing are audited.
 */
@Service
public class Consents {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 50_000;

	static final int MAX_NAME = 200;

	static final int MAX_REASON = 1_000;

	private static final String DOCUMENT_COLUMNS = """
			document_id, kind, version, title, body, content_hash, published_at, published_by""";

	private static final RowMapper<ConsentDocument> DOCUMENT = (rs, n) -> new ConsentDocument(
			new ConsentDocumentId(rs.getObject("document_id", UUID.class)), ConsentKind.valueOf(rs.getString("kind")),
			rs.getInt("version"), rs.getString("title"), rs.getString("body"), rs.getString("content_hash"),
			rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getObject("published_by", UUID.class));

	private static final RowMapper<ConsentSignature> SIGNATURE = (rs, n) -> {
		OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
		return new ConsentSignature(rs.getObject("signature_id", UUID.class),
				new ConsentDocumentId(rs.getObject("document_id", UUID.class)), ConsentKind.valueOf(rs.getString("kind")),
				rs.getInt("version"), rs.getString("typed_name"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("remote_addr"),
				rs.getString("content_hash"), withdrawn == null ? null : withdrawn.toInstant(),
				rs.getString("withdrawn_reason"));
	};

	private final JdbcClient jdbc;

	private final Clients clients;

	private final Practices practices;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Consents(JdbcClient jdbc, Clients clients, Practices practices, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clients = clients;
		this.practices = practices;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The current version of each kind of document, in the order of {@link ConsentKind}; writes
	 * Rapport's templates as version 1 of any kind the practice does not have yet.
	 */
	@Transactional
	public List<ConsentDocument> currentDocuments(PracticeId practice) {
		Map<ConsentKind, ConsentDocument> current = readCurrent(practice);
		if (current.size() < ConsentKind.values().length) {
			writeTemplates(practice, current);
			current = readCurrent(practice);
		}
		return List.copyOf(current.values());
	}

	/** The current version of one kind of document. */
	@Transactional
	public ConsentDocument current(PracticeId practice, ConsentKind kind) {
		return currentDocuments(practice).stream()
			.filter(d -> d.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + kind + " document in " + practice));
	}

	/** Where the client stands with each kind of consent, in the order of {@link ConsentKind}. */
	@Transactional
	public List<ConsentState> statusFor(PracticeId practice, ClientId client) {
		List<ConsentDocument> documents = currentDocuments(practice);
		List<ConsentSignature> signatures = signatures(practice, client);
		return documents.stream().map(document -> {
			var ofKind = signatures.stream().filter(s -> s.kind() == document.kind()).toList();
			return new ConsentState(document.kind(), document, ConsentStatus.of(document.version(), ofKind),
					ConsentStatus.latest(ofKind).orElse(null));
		}).toList();
	}

	/**
	 * Whether the client consents to this now: a signature of the current version that has not been
	 * withdrawn. A new version, or a withdrawal, makes this false at once.
	 */
	public boolean hasConsent(PracticeId practice, ClientId client, ConsentKind kind) {
		return jdbc.sql("""
				select count(*) from consent_signature s
				join consent_document d on d.practice_id = s.practice_id and d.document_id = s.document_id
				where s.practice_id = :p and s.client_id = :c and d.kind = :kind and s.withdrawn_at is null
				  and d.version = (select max(version) from consent_document
				                   where practice_id = :p and kind = :kind)""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("kind", kind.name())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Whether the client's latest word on this kind of consent is a withdrawal. Unlike
	 * {@link #hasConsent}, a client who never signed has not withdrawn.
	 */
	public boolean withdrew(PracticeId practice, ClientId client, ConsentKind kind) {
		return jdbc.sql("""
				select s.withdrawn_at is not null from consent_signature s
				join consent_document d on d.practice_id = s.practice_id and d.document_id = s.document_id
				where s.practice_id = :p and s.client_id = :c and d.kind = :kind
				order by s.signed_at desc limit 1""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("kind", kind.name())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Every signature the client gave, oldest first, withdrawn ones included. */
	public List<ConsentSignature> signatures(PracticeId practice, ClientId client) {
		return jdbc.sql("""
				select s.signature_id, s.document_id, d.kind, d.version, s.typed_name, s.signed_at, s.remote_addr,
				       s.content_hash, s.withdrawn_at, s.withdrawn_reason
				from consent_signature s
				join consent_document d on d.practice_id = s.practice_id and d.document_id = s.document_id
				where s.practice_id = :p and s.client_id = :c
				order by s.signed_at, s.signature_id""")
			.param("p", practice.value())
			.param("c", client.value())
			.query(SIGNATURE)
			.list();
	}

	/** One version of a document of the practice, current or not. */
	public Optional<ConsentDocument> document(PracticeId practice, ConsentDocumentId id) {
		return jdbc.sql("select " + DOCUMENT_COLUMNS + " from consent_document where practice_id = :p and document_id = :d")
			.param("p", practice.value())
			.param("d", id.value())
			.query(DOCUMENT)
			.optional();
	}

	/**
	 * The signed-in client signs the current version of a document by typing their name as the
	 * practice has it (case and extra spaces aside). Signing what they have already signed returns
	 * that signature, so a double click signs once.
	 *
	 * @throws RecordNotFoundException when the document is not of the client's practice or the
	 * person has no client record
	 * @throws ConsentRefused NAME_MISSING, NAME_MISMATCH, NOT_CURRENT
	 */
	@Transactional
	public ConsentSignature sign(RapportUser clientUser, ConsentDocumentId documentId, String typedName) {
		Client client = ownRecord(clientUser);
		PracticeId practice = clientUser.practiceId();
		ConsentDocument document = document(practice, documentId)
			.orElseThrow(RecordNotFoundException::new);
		// Serialises signing and publishing of one kind, so "current" cannot change under a signature.
		lock(practice, document.kind());
		ConsentDocument current = current(practice, document.kind());
		if (current.version() != document.version()) {
			throw new ConsentRefused(Reason.NOT_CURRENT, "The practice has published a newer version of \""
					+ current.title() + "\" (version " + current.version()
					+ "). Please read that version below and sign it instead.");
		}
		String name = typedName.strip();
		if (name.isEmpty()) {
			throw new ConsentRefused(Reason.NAME_MISSING, "Type your full name to sign.");
		}
		if (name.length() > MAX_NAME || !comparableName(name).equals(comparableName(client.displayName()))) {
			throw new ConsentRefused(Reason.NAME_MISMATCH, "The name you typed does not match the name your practice "
					+ "has for you (" + client.displayName() + "). Type it as shown; capitals do not matter. "
					+ "If your name has changed, please tell your practice.");
		}
		if (!contentHash(document.title(), document.body()).equals(document.contentHash())) {
			throw new IllegalStateException("Consent document " + documentId + " does not match its hash");
		}
		Optional<ConsentSignature> standing = signatures(practice, client.id()).stream()
			.filter(s -> s.documentId().equals(documentId) && !s.withdrawn())
			.findFirst();
		if (standing.isPresent()) {
			return standing.get();
		}
		UUID id = Ids.next();
		Instant now = now();
		String remoteAddr = currentRemoteAddress();
		jdbc.sql("""
				insert into consent_signature (practice_id, signature_id, client_id, document_id, typed_name, signed_at,
				    remote_addr, content_hash)
				values (:p, :id, :c, :d, :name, :at, :addr, :hash)""")
			.param("p", practice.value())
			.param("id", id)
			.param("c", client.id().value())
			.param("d", documentId.value())
			.param("name", name)
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("addr", remoteAddr)
			.param("hash", document.contentHash())
			.update();
		audit.record(AuditEntry.aboutClient(practice, clientUser.actor(), AuditAction.CONSENT_SIGNED,
				client.id().value(), "Signed \"" + document.kind().label() + "\", version " + document.version()));
		events.publishEvent(new ConsentGiven(practice, client.id(), document.kind()));
		return new ConsentSignature(id, documentId, document.kind(), document.version(), name, now, remoteAddr,
				document.contentHash(), null, null);
	}

	/** {@link #withdraw(RapportUser, ConsentKind, String)} without a reason. */
	@Transactional
	public boolean withdraw(RapportUser clientUser, ConsentKind kind) {
		return withdraw(clientUser, kind, null);
	}

	/**
	 * The signed-in client withdraws one kind of consent, with immediate effect: every standing
	 * signature of that kind, of any version, is marked withdrawn now.
	 *
	 * @return whether anything was withdrawn (false when no consent stood, e.g. after a double click)
	 * @throws ConsentRefused NOT_WITHDRAWABLE for treatment and the privacy notice
	 */
	@Transactional
	public boolean withdraw(RapportUser clientUser, ConsentKind kind, @Nullable String reason) {
		Client client = ownRecord(clientUser);
		if (!kind.withdrawable()) {
			throw new ConsentRefused(Reason.NOT_WITHDRAWABLE, kind == ConsentKind.TREATMENT
					? "Withdrawing consent to counselling means ending your care. Please talk with your therapist, "
							+ "so that you can plan it together."
					: "The privacy notice tells you how your information is handled; there is nothing to withdraw. "
							+ "Questions about your information go to your practice.");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON) {
			why = why.substring(0, MAX_REASON);
		}
		PracticeId practice = clientUser.practiceId();
		lock(practice, kind);
		int withdrawn = jdbc.sql("""
				update consent_signature s set withdrawn_at = :now, withdrawn_reason = :reason
				from consent_document d
				where d.practice_id = s.practice_id and d.document_id = s.document_id
				  and s.practice_id = :p and s.client_id = :c and d.kind = :kind and s.withdrawn_at is null""")
			.param("now", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC))
			.param("reason", why)
			.param("p", practice.value())
			.param("c", client.id().value())
			.param("kind", kind.name())
			.update();
		if (withdrawn > 0) {
			audit.record(AuditEntry.aboutClient(practice, clientUser.actor(), AuditAction.CONSENT_WITHDRAWN,
					client.id().value(), "Withdrew consent: \"" + kind.label() + "\""));
		}
		return withdrawn > 0;
	}

	/**
	 * A practice admin publishes a new version of a document; clients who signed an earlier version
	 * are asked again. A text identical to the current version is refused, so clients are not asked
	 * again for nothing.
	 *
	 * @throws RecordNotFoundException for anyone but an admin
	 * @throws ConsentRefused TITLE_INVALID, BODY_INVALID, UNCHANGED
	 */
	@Transactional
	public ConsentDocument publish(RapportUser admin, ConsentKind kind, String title, String body) {
		admin.requirePracticeAdmin();
		String cleanTitle = title.strip();
		String cleanBody = normalizeBody(body);
		if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE || cleanTitle.contains("\n")) {
			throw new ConsentRefused(Reason.TITLE_INVALID,
					"Give the document a title of one line, up to " + MAX_TITLE + " characters.");
		}
		if (cleanBody.isEmpty() || cleanBody.length() > MAX_BODY) {
			throw new ConsentRefused(Reason.BODY_INVALID,
					"Write the text clients will read and sign (up to " + MAX_BODY + " characters).");
		}
		PracticeId practice = admin.practiceId();
		lock(practice, kind);
		ConsentDocument current = current(practice, kind);
		String hash = contentHash(cleanTitle, cleanBody);
		if (hash.equals(current.contentHash())) {
			throw new ConsentRefused(Reason.UNCHANGED, "This is the same text as version " + current.version()
					+ ", so nothing was published. Change the text to publish a new version.");
		}
		var document = new ConsentDocument(new ConsentDocumentId(Ids.next()), kind, current.version() + 1, cleanTitle,
				cleanBody, hash, now(), admin.id().value());
		insert(practice, document);
		audit.record(AuditEntry.of(practice, admin.actor(), AuditAction.CONSENT_PUBLISHED,
				"Published \"" + kind.label() + "\", version " + document.version()));
		return document;
	}

	/**
	 * The fingerprint of a document's text: SHA-256, in lower-case hex, of the title, a line break
	 * and the body, in UTF-8. A signature keeps it, so what was signed can be proven later.
	 */
	public static String contentHash(String title, String body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest((title + "\n" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A name as compared for signing: Unicode-normalised, lower case, single spaces. */
	static String comparableName(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** Line breaks as \n and no trailing blanks, so the same text always has the same hash. */
	static String normalizeBody(String body) {
		return body.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private Client ownRecord(RapportUser clientUser) {
		return clients.ownRecord(clientUser)
			.orElseThrow(RecordNotFoundException::new);
	}

	private Map<ConsentKind, ConsentDocument> readCurrent(PracticeId practice) {
		Map<ConsentKind, ConsentDocument> current = new EnumMap<>(ConsentKind.class);
		jdbc.sql("select distinct on (kind) " + DOCUMENT_COLUMNS
				+ " from consent_document where practice_id = :p order by kind, version desc")
			.param("p", practice.value())
			.query(DOCUMENT)
			.list()
			.forEach(d -> current.put(d.kind(), d));
		return current;
	}

	private void writeTemplates(PracticeId practiceId, Map<ConsentKind, ConsentDocument> existing) {
		Practice practice = practices.get(practiceId);
		for (ConsentKind kind : ConsentKind.values()) {
			if (existing.containsKey(kind)) {
				continue;
			}
			var text = DefaultConsentDocuments.of(kind, practice.name(), practice.jurisdiction());
			String body = normalizeBody(text.body());
			// On conflict: another request wrote the template at the same moment; theirs is as good.
			jdbc.sql("""
					insert into consent_document (practice_id, document_id, kind, version, title, body, content_hash,
					    published_at, published_by)
					values (:p, :id, :kind, 1, :title, :body, :hash, :at, null)
					on conflict on constraint consent_document_version_uk do nothing""")
				.param("p", practiceId.value())
				.param("id", Ids.next())
				.param("kind", kind.name())
				.param("title", text.title())
				.param("body", body)
				.param("hash", contentHash(text.title(), body))
				.param("at", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC))
				.update();
		}
	}

	private void insert(PracticeId practice, ConsentDocument document) {
		jdbc.sql("""
				insert into consent_document (practice_id, document_id, kind, version, title, body, content_hash,
				    published_at, published_by)
				values (:p, :id, :kind, :version, :title, :body, :hash, :at, :by)""")
			.param("p", practice.value())
			.param("id", document.id().value())
			.param("kind", document.kind().name())
			.param("version", document.version())
			.param("title", document.title())
			.param("body", document.body())
			.param("hash", document.contentHash())
			.param("at", OffsetDateTime.ofInstant(document.publishedAt(), ZoneOffset.UTC))
			.param("by", document.publishedBy())
			.update();
	}

	private void lock(PracticeId practice, ConsentKind kind) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 12))")
			.param("key", practice.value() + "/consent/" + kind.name())
			.query()
			.singleRow();
	}

	/** Microseconds: what PostgreSQL keeps, so a returned time equals the stored one. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static @Nullable String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
