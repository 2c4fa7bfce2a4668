package care.rapport.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import care.rapport.clients.ClientId;
import care.rapport.identity.UserId;
import care.rapport.messaging.Attachment;
import care.rapport.messaging.AttachmentId;
import care.rapport.messaging.AttachmentInfo;
import care.rapport.messaging.FileType;
import care.rapport.messaging.Message;
import care.rapport.messaging.MessageId;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.SensitiveText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read and write of the messaging tables. Message text, file names and bytes, and the reason
 * for switching messaging off pass through this class only and are encrypted here with
 * {@link SensitiveText}, one field name per column, so the services and pages see plain text and
 * the database only ciphertext. Callers have checked who may act on which client.
 */
@Repository
public class MessageStore {

	// The field names are bound into each ciphertext as associated data: never rename them.
	static final String BODY = "message.body";

	static final String FILE_NAME = "message_attachment.file_name";

	static final String FILE_CONTENT = "message_attachment.content";

	static final String OFF_REASON = "message_thread.off_reason";

	/** A thread's switch: on, or off with what the client was told. */
	public record ThreadSwitch(boolean on, @Nullable String offReason) {

		static final ThreadSwitch DEFAULT = new ThreadSwitch(true, null);

	}

	/** Counts for one thread in an inbox. */
	public record ThreadStats(ClientId client, int messages, int unreadFromClient, @Nullable Instant lastAt,
			boolean lastFromClient, boolean on) {
	}

	private final RowMapper<Message> messageRow = (rs, n) -> {
		PracticeId practice = new PracticeId(rs.getObject("practice_id", UUID.class));
		UUID attachment = rs.getObject("attachment_id", UUID.class);
		return new Message(new MessageId(rs.getObject("message_id", UUID.class)),
				new ClientId(rs.getObject("client_id", UUID.class)), rs.getBoolean("from_client"),
				rs.getObject("sender_id", UUID.class), rs.getString("sender_name"),
				Objects.requireNonNull(decrypt(practice, BODY, rs.getBytes("body"))), instant(rs, "sent_at"),
				instantOrNull(rs, "read_at"),
				attachment == null ? null : attachmentInfo(practice, attachment, rs));
	};

	private final JdbcClient jdbc;

	private final SensitiveText sensitive;

	MessageStore(JdbcClient jdbc, SensitiveText sensitive) {
		this.jdbc = jdbc;
		this.sensitive = sensitive;
	}

	/**
	 * Makes the client's thread if it does not exist yet and locks it until the transaction ends,
	 * so sends, switches and notices of one thread happen one after the other. Returns its switch.
	 */
	public ThreadSwitch lockThread(PracticeId practice, ClientId client, Instant now) {
		jdbc.sql("""
				insert into message_thread (practice_id, client_id, enabled, created_at) values (:p, :c, true, :now)
				on conflict on constraint message_thread_pk do nothing""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("now", utc(now))
			.update();
		return jdbc.sql("select enabled, off_reason from message_thread where practice_id = :p and client_id = :c for update")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> new ThreadSwitch(rs.getBoolean("enabled"),
					decrypt(practice, OFF_REASON, rs.getBytes("off_reason"))))
			.single();
	}

	/** The thread's switch; on for a client who has no thread yet. */
	public ThreadSwitch switchOf(PracticeId practice, ClientId client) {
		return jdbc.sql("select enabled, off_reason from message_thread where practice_id = :p and client_id = :c")
			.param("p", practice.value())
			.param("c", client.value())
			.query((rs, n) -> new ThreadSwitch(rs.getBoolean("enabled"),
					decrypt(practice, OFF_REASON, rs.getBytes("off_reason"))))
			.optional()
			.orElse(ThreadSwitch.DEFAULT);
	}

	/** Switches messaging on (forgetting any reason) or off with an optional reason for the client. */
	public void setSwitch(PracticeId practice, ClientId client, boolean on, @Nullable String reason, UserId by,
			Instant now) {
		jdbc.sql("""
				update message_thread set enabled = :on, off_reason = :reason, switched_at = :now, switched_by = :by
				where practice_id = :p and client_id = :c""")
			.param("on", on)
			.param("reason", on || reason == null ? null : sensitive.encrypt(practice, OFF_REASON, reason))
			.param("now", utc(now))
			.param("by", by.value())
			.param("p", practice.value())
			.param("c", client.value())
			.update();
	}

	/**
	 * Stores a message in a thread made before ({@link #lockThread}); empty when a message with
	 * this request key is already stored (a double click or a retry), which stays as it was.
	 */
	public Optional<MessageId> insertMessage(PracticeId practice, ClientId client, boolean fromClient, UserId sender,
			String text, UUID requestKey, Instant sentAt, @Nullable Instant readAt) {
		MessageId id = new MessageId(Ids.next());
		int stored = jdbc.sql("""
				insert into message (practice_id, message_id, client_id, from_client, sender_id, body, request_key,
				    sent_at, read_at)
				values (:p, :id, :c, :fromClient, :sender, :body, :key, :sentAt, :readAt)
				on conflict (practice_id, request_key) do nothing""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("c", client.value())
			.param("fromClient", fromClient)
			.param("sender", sender.value())
			.param("body", sensitive.encrypt(practice, BODY, text))
			.param("key", requestKey)
			.param("sentAt", utc(sentAt))
			.param("readAt", readAt == null ? null : utc(readAt))
			.update();
		return stored == 1 ? Optional.of(id) : Optional.empty();
	}

	/** The message stored with a request key, if any. */
	public Optional<MessageId> messageWithKey(PracticeId practice, UUID requestKey) {
		return jdbc.sql("select message_id from message where practice_id = :p and request_key = :key")
			.param("p", practice.value())
			.param("key", requestKey)
			.query(UUID.class)
			.optional()
			.map(MessageId::new);
	}

	/** Stores the file of a message; its type was checked by its content. */
	public AttachmentId insertAttachment(PracticeId practice, MessageId message, String fileName, FileType type,
			byte[] content) {
		AttachmentId id = new AttachmentId(Ids.next());
		jdbc.sql("""
				insert into message_attachment (practice_id, attachment_id, message_id, file_name, content_type,
				    size_bytes, content)
				values (:p, :id, :m, :name, :type, :size, :content)""")
			.param("p", practice.value())
			.param("id", id.value())
			.param("m", message.value())
			.param("name", sensitive.encrypt(practice, FILE_NAME, fileName))
			.param("type", type.mediaType())
			.param("size", content.length)
			.param("content", sensitive.encrypt(practice, FILE_CONTENT, content))
			.update();
		return id;
	}

	/** The client's thread, oldest first, each message with what the page shows of its file. */
	public List<Message> messages(PracticeId practice, ClientId client) {
		return jdbc.sql("""
				select m.practice_id, m.message_id, m.client_id, m.from_client, m.sender_id, u.display_name as sender_name,
				       m.body, m.sent_at, m.read_at, a.attachment_id, a.file_name, a.content_type, a.size_bytes
				from message m
				join user_account u on u.user_id = m.sender_id
				left join message_attachment a on a.practice_id = m.practice_id and a.message_id = m.message_id
				where m.practice_id = :p and m.client_id = :c
				order by m.sent_at, m.message_id""")
			.param("p", practice.value())
			.param("c", client.value())
			.query(messageRow)
			.list();
	}

	/** Marks read what the other side sent to this reader; returns how many were unread. */
	public int markRead(PracticeId practice, ClientId client, boolean sentByClient, Instant now) {
		return jdbc.sql("""
				update message set read_at = greatest(:now, sent_at)
				where practice_id = :p and client_id = :c and from_client = :fromClient and read_at is null""")
			.param("now", utc(now))
			.param("p", practice.value())
			.param("c", client.value())
			.param("fromClient", sentByClient)
			.update();
	}

	/** Messages from the therapist side the signed-in client has not opened; one indexed count. */
	public int unreadForClientAccount(PracticeId practice, UserId clientUser) {
		return jdbc.sql("""
				select count(*) from message m
				join client c on c.practice_id = m.practice_id and c.client_id = m.client_id
				where c.practice_id = :p and c.user_id = :u and m.from_client = false and m.read_at is null""")
			.param("p", practice.value())
			.param("u", clientUser.value())
			.query(Integer.class)
			.single();
	}

	/** Messages from their clients the therapist has not opened; one indexed count. */
	public int unreadForTherapist(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				select count(*) from message m
				join client c on c.practice_id = m.practice_id and c.client_id = m.client_id
				where c.practice_id = :p and c.therapist_id = :t and m.from_client = true and m.read_at is null""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query(Integer.class)
			.single();
	}

	/** Messages to the client they have not opened, but for one. */
	public int unreadForClientExcept(PracticeId practice, ClientId client, MessageId except) {
		return jdbc.sql("""
				select count(*) from message
				where practice_id = :p and client_id = :c and from_client = false and read_at is null
				  and message_id <> :m""")
			.param("p", practice.value())
			.param("c", client.value())
			.param("m", except.value())
			.query(Integer.class)
			.single();
	}

	/** Messages to the therapist from any of their clients they have not opened, but for one. */
	public int unreadForTherapistExcept(PracticeId practice, UserId therapist, MessageId except) {
		return jdbc.sql("""
				select count(*) from message m
				join client c on c.practice_id = m.practice_id and c.client_id = m.client_id
				where c.practice_id = :p and c.therapist_id = :t and m.from_client = true and m.read_at is null
				  and m.message_id <> :m""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("m", except.value())
			.query(Integer.class)
			.single();
	}

	/** One file of the client's thread, decrypted; empty when the thread has no such file. */
	public Optional<Attachment> attachment(PracticeId practice, ClientId client, AttachmentId attachment) {
		return jdbc.sql("""
				select a.practice_id, a.attachment_id, a.file_name, a.content_type, a.size_bytes, a.content
				from message_attachment a
				join message m on m.practice_id = a.practice_id and m.message_id = a.message_id
				where a.practice_id = :p and a.attachment_id = :a and m.client_id = :c""")
			.param("p", practice.value())
			.param("a", attachment.value())
			.param("c", client.value())
			.query((rs, n) -> new Attachment(attachmentInfo(practice, attachment.value(), rs),
					sensitive.decryptBytes(practice, FILE_CONTENT, rs.getBytes("content"))))
			.optional();
	}

	/** Counts for the threads of these clients that exist; clients without a thread are left out. */
	public List<ThreadStats> stats(PracticeId practice, List<ClientId> clients) {
		if (clients.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select t.client_id, t.enabled, count(m.message_id) as messages,
				       count(m.message_id) filter (where m.from_client and m.read_at is null) as unread,
				       max(m.sent_at) as last_at,
				       (array_agg(m.from_client order by m.sent_at desc) filter (where m.message_id is not null))[1]
				           as last_from_client
				from message_thread t
				left join message m on m.practice_id = t.practice_id and m.client_id = t.client_id
				where t.practice_id = :p and t.client_id in (:clients)
				group by t.client_id, t.enabled""")
			.param("p", practice.value())
			.param("clients", clients.stream().map(ClientId::value).toList())
			.query((rs, n) -> new ThreadStats(new ClientId(rs.getObject("client_id", UUID.class)),
					rs.getInt("messages"), rs.getInt("unread"), instantOrNull(rs, "last_at"),
					rs.getBoolean("last_from_client"), rs.getBoolean("enabled")))
			.list();
	}

	/** The therapist's usual reply time in working days, if they set one. */
	public Optional<Integer> replyWithinDays(PracticeId practice, UserId therapist) {
		return jdbc.sql("""
				select reply_within_days from messaging_therapist_setting where practice_id = :p and therapist_id = :t""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.query(Integer.class)
			.optional();
	}

	/** Sets the therapist's usual reply time; none removes it. */
	public void setReplyWithinDays(PracticeId practice, UserId therapist, @Nullable Integer days, Instant now) {
		if (days == null) {
			jdbc.sql("delete from messaging_therapist_setting where practice_id = :p and therapist_id = :t")
				.param("p", practice.value())
				.param("t", therapist.value())
				.update();
			return;
		}
		jdbc.sql("""
				insert into messaging_therapist_setting (practice_id, therapist_id, reply_within_days, updated_at)
				values (:p, :t, :days, :now)
				on conflict on constraint messaging_therapist_setting_pk
				do update set reply_within_days = excluded.reply_within_days, updated_at = excluded.updated_at""")
			.param("p", practice.value())
			.param("t", therapist.value())
			.param("days", days)
			.param("now", utc(now))
			.update();
	}

	/**
	 * Serialises, until the transaction ends, everyone who sends to one recipient, so the check
	 * "did they have unread messages already?" and the new message cannot interleave.
	 */
	public void lockRecipient(UUID recipient) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 21))")
			.param("key", "messaging/" + recipient)
			.query()
			.singleRow();
	}

	private AttachmentInfo attachmentInfo(PracticeId practice, UUID attachment, ResultSet rs) throws SQLException {
		return new AttachmentInfo(new AttachmentId(attachment),
				Objects.requireNonNull(decrypt(practice, FILE_NAME, rs.getBytes("file_name"))),
				FileType.ofMediaType(rs.getString("content_type")), rs.getInt("size_bytes"));
	}

	private @Nullable String decrypt(PracticeId practice, String field, byte @Nullable [] ciphertext) {
		return sensitive.decrypt(practice, field, ciphertext);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
