package care.rapport.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.rapport.audit.AuditAction;
import care.rapport.audit.AuditEntry;
import care.rapport.audit.AuditLog;
import care.rapport.clients.Client;
import care.rapport.clients.ClientId;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.messaging.MessageRefused.Reason;
import care.rapport.messaging.internal.MessageNotices;
import care.rapport.messaging.internal.MessageStore;
import care.rapport.messaging.internal.MessageStore.ThreadStats;
import care.rapport.messaging.internal.MessageStore.ThreadSwitch;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secure messages between a client and their therapist, one thread per client. Callers pass a
 * client record they have already checked the person may act on ({@code Clients.ownRecord} for the
 * client, {@code Clients.recordForCareWithoutAudit} for the care team); this class decides what each may do
 * with it: the client and their therapist read and write while the client's consent stands and
 * the therapist has not switched messaging off; a supervisor only reads. Every read, send, download
 * and switch is audited, without message text.
 */
@Service
public class Messages {

	/** The longest message, in characters. */
	public static final int MAX_TEXT = 5_000;

	/** The longest reason for switching off, in characters. */
	public static final int MAX_REASON = 500;

	private final MessageStore store;

	private final MessageNotices notices;

	private final Consents consents;

	private final AuditLog audit;

	private final Clock clock;

	Messages(MessageStore store, MessageNotices notices, Consents consents, AuditLog audit, Clock clock) {
		this.store = store;
		this.notices = notices;
		this.consents = consents;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The thread as its reader sees it. The client, or the client's therapist, opening it marks
	 * what the other side sent as read; a supervisor's reading marks nothing. Audited.
	 */
	@Transactional
	public Conversation open(RapportUser reader, Client client) {
		PracticeId practice = reader.practiceId();
		boolean isClient = !reader.staff();
		int newlyRead = 0;
		if (isClient || isTherapistOf(reader, client)) {
			// The reader's side reads what the other side sent.
			newlyRead = store.markRead(practice, client.id(), !isClient, now());
		}
		record(reader, client, AuditAction.MESSAGES_VIEWED,
				isClient ? "Read their messages" : isTherapistOf(reader, client) ? "Read the client's messages"
						: "Read the client's messages as supervisor");
		ThreadSwitch threadSwitch = store.switchOf(practice, client.id());
		return new Conversation(client, store.messages(practice, client.id()),
				consents.hasConsent(practice, client.id(), ConsentKind.MESSAGING), threadSwitch.on(),
				threadSwitch.offReason(), store.replyWithinDays(practice, new UserId(client.therapistId())).orElse(null),
				newlyRead);
	}

	/**
	 * Sends a message from the client to their therapist or from the therapist to the client, with
	 * at most one file. The other side gets an e-mail notice unless unread messages already wait for
	 * them. A repeat of the same request key returns the message stored the first time.
	 *
	 * @throws MessageRefused NOT_A_PARTY for anyone but the client and their therapist; NO_CONSENT,
	 * SWITCHED_OFF when messaging is closed; TEXT, FILE for what the form can fix. Nothing is stored.
	 */
	@Transactional
	public MessageId send(RapportUser sender, Client client, String text, @Nullable Upload file,
			@Nullable UUID requestKey) {
		PracticeId practice = sender.practiceId();
		boolean fromClient = !sender.staff();
		if (!fromClient && !isTherapistOf(sender, client)) {
			throw new MessageRefused(Reason.NOT_A_PARTY,
					"Only the client's therapist writes in this thread; as supervisor you can read it.");
		}
		UUID key = requestKey == null ? Ids.next() : requestKey;
		Optional<MessageId> earlier = store.messageWithKey(practice, key);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		notices.lockRecipient(client, fromClient);
		ThreadSwitch threadSwitch = store.lockThread(practice, client.id(), now());
		// Whether messaging is open comes first: a form that cannot be sent at all is not worth fixing.
		checkOpen(practice, client, threadSwitch, fromClient);
		String words = checkedText(text, file != null && !file.empty(), fromClient);
		Optional<CheckedFile> checked = file == null || file.empty() ? Optional.empty()
				: Optional.of(CheckedFile.of(file, fromClient));
		Optional<MessageId> stored = store.insertMessage(practice, client.id(), fromClient, sender.id(), words, key,
				now(), null);
		if (stored.isEmpty()) {
			return store.messageWithKey(practice, key).orElseThrow();
		}
		checked.ifPresent(f -> store.insertAttachment(practice, stored.get(), f.name(), f.type(), f.content()));
		notices.afterSending(practice, client, fromClient, stored.get());
		record(sender, client, AuditAction.MESSAGE_SENT, (fromClient ? "Sent a message to their therapist"
				: "Sent a message to the client")
				+ checked.map(f -> " with a " + f.type().label() + " (" + f.content().length / 1024 + " KB)").orElse(""));
		return stored.get();
	}

	/**
	 * A file of the client's thread for the client, their therapist or the therapist's supervisor;
	 * empty when the thread has no such file. Audited.
	 */
	@Transactional
	public Optional<Attachment> download(RapportUser reader, Client client, AttachmentId id) {
		Optional<Attachment> attachment = store.attachment(reader.practiceId(), client.id(), id);
		attachment.ifPresent(a -> record(reader, client, AuditAction.ATTACHMENT_DOWNLOADED,
				"Downloaded a " + a.info().type().label() + " sent with a message"));
		return attachment;
	}

	/**
	 * The client's therapist switches messaging off for the client, with an optional reason the
	 * client will see, or on again. The history stays readable either way.
	 *
	 * @throws MessageRefused NOT_A_PARTY for anyone but the therapist; TEXT for a reason too long
	 */
	@Transactional
	public void switchMessaging(RapportUser therapist, Client client, boolean on, String reason) {
		if (!isTherapistOf(therapist, client)) {
			throw new MessageRefused(Reason.NOT_A_PARTY, "Only the client's therapist switches messaging on or off.");
		}
		String why = reason.strip();
		if (why.codePointCount(0, why.length()) > MAX_REASON) {
			throw new MessageRefused(Reason.TEXT, "Please keep the reason to " + MAX_REASON + " characters; this is "
					+ why.codePointCount(0, why.length()) + ". Your text is kept below.");
		}
		store.lockThread(therapist.practiceId(), client.id(), now());
		store.setSwitch(therapist.practiceId(), client.id(), on, why.isEmpty() ? null : why, therapist.id(), now());
		record(therapist, client, AuditAction.MESSAGING_SWITCHED,
				on ? "Switched messaging on" : "Switched messaging off" + (why.isEmpty() ? "" : ", with a reason"));
	}

	/**
	 * How many messages wait unread for this person: for a client, from their therapist; for a
	 * therapist, from their clients; none for anyone else. One indexed count, cheap enough for
	 * every page.
	 */
	public int unreadFor(RapportUser user) {
		if (!user.staff()) {
			return store.unreadForClientAccount(user.practiceId(), user.id());
		}
		return user.has(Role.THERAPIST) ? store.unreadForTherapist(user.practiceId(), user.id()) : 0;
	}

	/**
	 * The threads of the clients given (the reader's care-team caseload), newest message first,
	 * then clients without messages by name. Unread counts only for the reader's own clients.
	 */
	public List<InboxRow> inbox(RapportUser reader, List<Client> caseload) {
		Map<ClientId, ThreadStats> stats = store
			.stats(reader.practiceId(), caseload.stream().map(Client::id).toList())
			.stream()
			.collect(Collectors.toMap(ThreadStats::client, Function.identity()));
		return caseload.stream().map(client -> {
			ThreadStats s = stats.get(client.id());
			boolean own = isTherapistOf(reader, client);
			return s == null ? new InboxRow(client, 0, 0, null, false, true, own)
					: new InboxRow(client, s.messages(), own ? s.unreadFromClient() : 0, s.lastAt(), s.lastFromClient(),
							s.on(), own);
		})
			.sorted(java.util.Comparator
				.comparing((InboxRow r) -> r.lastAt() == null ? Instant.MIN : r.lastAt(),
						java.util.Comparator.reverseOrder())
				.thenComparing(r -> r.client().displayName()))
			.toList();
	}

	/**
	 * Stores a message as it was sent at a past time, read or not, without consent checks, notices
	 * or audit: for demo data and imports only. Text and file are checked as for {@link #send}.
	 */
	@Transactional
	public MessageId importMessage(PracticeId practice, Client client, boolean fromClient, UserId sender, String text,
			@Nullable Upload file, Instant sentAt, @Nullable Instant readAt) {
		String words = checkedText(text, file != null, fromClient);
		Optional<CheckedFile> checked = Optional.ofNullable(file).map(f -> CheckedFile.of(f, fromClient));
		store.lockThread(practice, client.id(), sentAt);
		MessageId id = store
			.insertMessage(practice, client.id(), fromClient, sender, words, Ids.next(), sentAt, readAt)
			.orElseThrow();
		checked.ifPresent(f -> store.insertAttachment(practice, id, f.name(), f.type(), f.content()));
		return id;
	}

	private static boolean isTherapistOf(RapportUser staff, Client client) {
		return staff.staff() && client.therapistId().equals(staff.id().value());
	}

	private void checkOpen(PracticeId practice, Client client, ThreadSwitch threadSwitch, boolean fromClient) {
		if (!consents.hasConsent(practice, client.id(), ConsentKind.MESSAGING)) {
			throw new MessageRefused(Reason.NO_CONSENT, fromClient
					? "Your message was not sent: secure messages need your consent first. You can give it on your "
							+ "Consent page; then send your message again."
					: "Not sent: the client has not consented to secure messaging (or has withdrawn consent).");
		}
		if (!threadSwitch.on()) {
			throw new MessageRefused(Reason.SWITCHED_OFF, fromClient
					? "Your message was not sent: messaging is switched off for you. Please call the practice."
					: "Not sent: messaging is switched off for this client. Switch it on to write.");
		}
	}

	private static String checkedText(String text, boolean withFile, boolean forClient) {
		String words = text.strip();
		if (words.isEmpty() && !withFile) {
			throw new MessageRefused(Reason.TEXT, forClient ? "Write your message first." : "Write a message first.");
		}
		int length = words.codePointCount(0, words.length());
		if (length > MAX_TEXT) {
			throw new MessageRefused(Reason.TEXT, "Please keep a message to " + String.format("%,d", MAX_TEXT)
					+ " characters; this one has " + String.format("%,d", length)
					+ ". Your text is kept below: shorten it, or send it in two parts.");
		}
		return words;
	}

	private void record(RapportUser user, Client client, AuditAction action, String detail) {
		audit.record(AuditEntry.aboutClient(user.practiceId(), user.actor(), action, client.id().value(), detail));
	}

	/** Microseconds: what PostgreSQL keeps. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A file whose size and type passed the checks, with a safe name ending in its real type. */
	private record CheckedFile(String name, FileType type, byte[] content) {

		static CheckedFile of(Upload upload, boolean forClient) {
			byte[] content = upload.content();
			if (content.length > FileType.MAX_BYTES) {
				throw new MessageRefused(Reason.FILE, "This file is " + AttachmentInfo.sizeOver(content.length)
						+ "; files can be up to 10 MB. "
						+ (forClient ? "Try a smaller file, or a photo at a lower size." : "Send a smaller file."));
			}
			FileType type = FileType.of(content)
				.orElseThrow(() -> new MessageRefused(Reason.FILE,
						"This file cannot be sent: it is not a " + FileType.allowedList() + " file"
								+ (FileNames.looksLikeAllowed(upload.fileName())
										? ", even though its name ends like one" : "")
								+ ". Only those kinds can be sent safely. Your message is kept below."));
			return new CheckedFile(FileNames.safe(upload.fileName(), type), type, content);
		}

	}

}
