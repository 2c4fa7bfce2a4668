package care.rapport.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import care.rapport.IntegrationTest;
import care.rapport.TestPractice;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Secure messages between a client and their therapist: both ways, read marks and unread counts,
 * e-mail notices without content, consent and the therapist's switch, files checked by content,
 * downloads only for the two parties and the supervisor, and nothing readable in a database dump.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MessagingIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Consents consents;

	TestPractice practice;

	@BeforeEach
	void practice() {
		practice = TestPractice.create(context);
	}

	@Test
	void clientAndTherapistWriteToEachOtherAndEachSeesTheWholeThread() throws Exception {
		consentToMessaging();

		clientSends("Could we talk about my sleep next time?").andExpect(status().is3xxRedirection());
		therapistSends("Yes, let's start with that. Keep the diary if you can.").andExpect(status().is3xxRedirection());

		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Could we talk about my sleep next time?")))
			.andExpect(content().string(containsString("Yes, let&#39;s start with that. Keep the diary if you can.")))
			.andExpect(content().string(containsString("Messages are not for emergencies.")))
			.andExpect(content().string(containsString("Call or text <a class=\"tel\" href=\"tel:988\">9-8-8</a>, any time")))
			.andExpect(content().string(containsString("data-keep")));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Could we talk about my sleep next time?")))
			.andExpect(content().string(containsString("Messages are not for emergencies.")))
			.andExpect(content().string(containsString("Reply to " + clientName())));
		assertThat(audited("MESSAGE_SENT")).isEqualTo(2);
	}

	@Test
	void unreadCountsShowInTheMenuUntilTheRecipientOpensTheThreadThenTheSenderSeesRead() throws Exception {
		consentToMessaging();
		clientSends("First question");
		clientSends("Second question");

		mvc.perform(get("/app").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Messages (<span>2</span><span class=\"visually-hidden\"> unread</span>)")));
		mvc.perform(get("/app/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString(clientName())))
			.andExpect(content().string(containsString("2 unread")))
			.andExpect(content().string(not(containsString("First question"))));
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Sent, not read yet")));

		// Opening the thread reads it: the menu on that very page already counts nothing.
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(not(containsString("visually-hidden\"> unread"))));
		mvc.perform(get("/app").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(not(containsString("visually-hidden\"> unread"))));
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Read ")))
			.andExpect(content().string(not(containsString("Sent, not read yet"))));

		therapistSends("A reply");
		mvc.perform(get("/me").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Messages (<span>1</span>")))
			.andExpect(content().string(containsString("(1 new)")));
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())));
		mvc.perform(get("/me").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(not(containsString("(1 new)"))));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("Read ")));
	}

	@Test
	void theRecipientGetsOneNoticeWithoutTheMessageTextUntilTheyRead() throws Exception {
		consentToMessaging();
		String secret = "Pangolin-4471 my private worry";

		clientSends(secret);
		clientSends(secret + " again");
		assertThat(notices(practice.therapistAEmail())).hasSize(1).allSatisfy(body -> {
			assertThat(body).doesNotContain("Pangolin").doesNotContain(clientName()).contains("/app/messages");
		});

		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.therapistAEmail())));
		clientSends("After it was read");
		assertThat(notices(practice.therapistAEmail())).hasSize(2);

		therapistSends("Noted, " + secret);
		therapistSends("And one more");
		assertThat(notices(practice.clientAEmail())).hasSize(1).allSatisfy(body -> {
			assertThat(body).doesNotContain("Pangolin")
				.doesNotContain(practice.user(practice.therapistAEmail()).displayName())
				.contains("/me/messages")
				.contains("9-8-8");
		});
		assertThat(jdbc.sql("select subject from outbox_message where practice_id = :p and recipient = :r")
			.param("p", practice.practice().id().value())
			.param("r", practice.clientAEmail())
			.query(String.class)
			.list()).containsExactly("You have a new message in Rapport");
	}

	@Test
	void withoutConsentNothingIsSentAndWithdrawalTakesEffectAtOnce() throws Exception {
		clientSends("Before consenting").andExpect(status().isOk())
			.andExpect(content().string(containsString("secure messages need your consent first")))
			.andExpect(content().string(containsString("Before consenting")));
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Messaging needs your consent")))
			.andExpect(content().string(containsString("/me/consent#messaging")))
			.andExpect(content().string(not(containsString("id=\"compose\""))));
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("No messaging consent")))
			.andExpect(content().string(not(containsString("id=\"compose\""))));
		therapistSends("Hello").andExpect(status().isOk())
			.andExpect(content().string(containsString("the client has not consented to secure messaging")));

		consentToMessaging();
		clientSends("Now with consent").andExpect(status().is3xxRedirection());
		consents.withdraw(practice.user(practice.clientAEmail()), ConsentKind.MESSAGING);

		therapistSends("After withdrawal").andExpect(status().isOk())
			.andExpect(content().string(containsString("the client has not consented")));
		clientSends("After withdrawal").andExpect(status().isOk())
			.andExpect(content().string(containsString("secure messages need your consent first")));
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Now with consent")))
			.andExpect(content().string(containsString("Messaging needs your consent")));
		assertThat(messageCount()).isEqualTo(1);
	}

	@Test
	void theTherapistSwitchesMessagingOffWithAReasonTheClientSeesAndOnAgain() throws Exception {
		consentToMessaging();
		clientSends("Before the switch");

		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/messages/switch").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("on", "false")
			.param("reason", "We agreed to pause messages while you are away."))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Messaging is switched off for you")))
			.andExpect(content().string(containsString("We agreed to pause messages while you are away.")))
			.andExpect(content().string(containsString("Please call the practice")))
			.andExpect(content().string(containsString("Before the switch")))
			.andExpect(content().string(not(containsString("id=\"compose\""))));
		clientSends("While off").andExpect(status().isOk())
			.andExpect(content().string(containsString("messaging is switched off for you")))
			.andExpect(content().string(containsString("While off")));
		therapistSends("While off").andExpect(status().isOk())
			.andExpect(content().string(containsString("messaging is switched off for this client")));
		// The supervisor reads but does not switch.
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/messages/switch").with(csrf())
			.with(practice.as(practice.supervisorEmail()))
			.param("on", "true"))
			.andExpect(status().isForbidden());

		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/messages/switch").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("on", "true"))
			.andExpect(status().is3xxRedirection());
		clientSends("Back on").andExpect(status().is3xxRedirection());
		assertThat(messageCount()).isEqualTo(2);
		assertThat(audited("MESSAGING_SWITCHED")).isEqualTo(2);
	}

	@Test
	void aPdfIsAcceptedByItsContentAndDownloadsAsAnAttachmentOfItsCheckedType() throws Exception {
		consentToMessaging();
		clientUploads(file("diary.pdf", "application/octet-stream", PDF), "My diary")
			.andExpect(status().is3xxRedirection());

		String page = mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("diary.pdf")))
			.andExpect(content().string(containsString("(PDF, 1 KB)")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID attachment = attachmentId();
		assertThat(page).contains("/me/messages/attachments/" + attachment);

		for (var request : List.of(get("/me/messages/attachments/" + attachment).with(practice.as(practice.clientAEmail())),
				get(staffDownload(attachment)).with(practice.as(practice.therapistAEmail())),
				get(staffDownload(attachment)).with(practice.as(practice.supervisorEmail())))) {
			mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andExpect(header().string("Content-Disposition", containsString("attachment")))
				.andExpect(header().string("Content-Disposition", containsString("diary.pdf")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(content().bytes(PDF));
		}
		assertThat(audited("ATTACHMENT_DOWNLOADED")).isEqualTo(3);
		// The supervisor's download shows in the client's access history.
		mvc.perform(get("/me/access-history").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("downloaded a message attachment")));
	}

	@Test
	void aDisguisedFileIsRefusedAndTheTypedTextIsKept() throws Exception {
		consentToMessaging();
		byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		byte[] executable = new byte[512];
		executable[0] = 'M';
		executable[1] = 'Z';

		for (byte[] disguised : List.of(html, executable)) {
			clientUploads(file("report.pdf", "application/pdf", disguised), "Here is the report I mentioned")
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("it is not a PDF, PNG, JPEG, GIF or WebP file, even though its name ends like one")))
				.andExpect(content().string(containsString(">Here is the report I mentioned</textarea>")));
		}
		assertThat(messageCount()).isZero();
	}

	@Test
	void aFileOverTenMegabytesIsRefusedAndTheTypedTextIsKept() throws Exception {
		consentToMessaging();
		byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

		clientUploads(file("scan.pdf", "application/pdf", large), "The scan of my letter")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("files can be up to 10 MB")))
			.andExpect(content().string(containsString(">The scan of my letter</textarea>")));
		assertThat(messageCount()).isZero();
	}

	@Test
	void aTooLongOrEmptyMessageIsRefusedAndWhatWasTypedIsKept() throws Exception {
		consentToMessaging();
		String tooLong = "word ".repeat(1_001).strip();

		clientSends(tooLong).andExpect(status().isOk())
			.andExpect(content().string(containsString("Please keep a message to 5,000 characters; this one has 5,004")))
			.andExpect(content().string(containsString(tooLong + "</textarea>")));
		clientSends("   ").andExpect(status().isOk())
			.andExpect(content().string(containsString("Write your message first.")));
		assertThat(messageCount()).isZero();
	}

	@Test
	void aDoubleClickSendsOnceAndNotifiesOnce() throws Exception {
		consentToMessaging();
		UUID key = UUID.randomUUID();
		for (int i = 0; i < 2; i++) {
			mvc.perform(asClient(post("/me/messages")).param("text", "Only once").param("key", key.toString()))
				.andExpect(status().is3xxRedirection());
		}
		assertThat(messageCount()).isEqualTo(1);
		assertThat(audited("MESSAGE_SENT")).isEqualTo(1);
		assertThat(notices(practice.therapistAEmail())).hasSize(1);
	}

	@Test
	void theSupervisorReadsAuditedButDoesNotWriteOrMarkRead() throws Exception {
		consentToMessaging();
		clientSends("For my therapist");

		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.supervisorEmail())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("For my therapist")))
			.andExpect(content().string(containsString("You are reading as supervisor")))
			.andExpect(content().string(not(containsString("id=\"compose\""))))
			.andExpect(content().string(not(containsString("id=\"messaging-switch\""))));
		mvc.perform(multipart("/app/clients/" + practice.clientOfA() + "/messages").with(csrf())
			.with(practice.as(practice.supervisorEmail()))
			.param("text", "From the supervisor"))
			.andExpect(status().isForbidden());

		assertThat(jdbc.sql("select count(*) from message where client_id = :c and read_at is null")
			.param("c", practice.clientOfA().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select actor_role from audit_event where practice_id = :p and client_id = :c and action = 'MESSAGES_VIEWED'""")
			.param("p", practice.practice().id().value())
			.param("c", practice.clientOfA().value())
			.query(String.class)
			.list()).contains("SUPERVISOR");
		mvc.perform(get("/me/access-history").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("read secure messages")));
	}

	@Test
	void theTherapistsUsualReplyTimeIsShownToTheirClients() throws Exception {
		consentToMessaging();
		mvc.perform(post("/app/messages/reply-time").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("days", "2"))
			.andExpect(status().is3xxRedirection());

		String name = practice.user(practice.therapistAEmail()).displayName();
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString(name + " usually replies within 2 working days.")));
		mvc.perform(get("/app/messages").with(practice.as(practice.therapistAEmail())))
			.andExpect(content().string(containsString("<option value=\"2\" selected=\"selected\">within 2 working days</option>")));
		mvc.perform(post("/app/messages/reply-time").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("days", "99"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("within 2 working days")));
	}

	@Test
	void attachmentsAndThreadsAreNotFoundForAnyoneOutsideTheThread() throws Exception {
		consentToMessaging();
		clientUploads(file("diary.pdf", "application/pdf", PDF), "x");
		UUID attachment = attachmentId();
		TestPractice other = TestPractice.create(context);

		mvc.perform(get(staffDownload(attachment)).with(practice.as(practice.therapistBEmail())))
			.andExpect(status().isNotFound());
		mvc.perform(get(staffDownload(attachment)).with(practice.as(practice.adminEmail())))
			.andExpect(status().isNotFound());
		mvc.perform(get(staffDownload(attachment)).with(other.as(other.therapistAEmail())))
			.andExpect(status().isNotFound());
		mvc.perform(get(staffDownload(attachment)).with(other.as(other.adminEmail())))
			.andExpect(status().isNotFound());
		// The client of another therapist, in the same practice, asking for this file through their own thread.
		mvc.perform(get("/me/messages/attachments/" + attachment).with(practice.as(practice.clientBEmail())))
			.andExpect(status().isNotFound());
		// Therapist B asking for A's client's file through their own client's thread.
		mvc.perform(get("/app/clients/" + practice.clientOfB() + "/messages/attachments/" + attachment)
			.with(practice.as(practice.therapistBEmail()))).andExpect(status().isNotFound());
		mvc.perform(get("/app/clients/" + practice.clientOfA() + "/messages").with(practice.as(practice.adminEmail())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/app/messages").with(practice.as(practice.adminEmail())))
			.andExpect(content().string(containsString("Practice admins do not see them")))
			.andExpect(content().string(not(containsString(clientName()))));
		mvc.perform(get("/app/messages").with(practice.as(practice.therapistBEmail())))
			.andExpect(content().string(not(containsString(clientName()))));
		assertThat(audited("ATTACHMENT_DOWNLOADED")).isZero();
	}

	@Test
	void aDatabaseDumpOfTheMessagingTablesHoldsNeitherTheTextNorTheFile() throws Exception {
		consentToMessaging();
		String marker = "Okapi-9182 ünïcödé marker in plain text";
		byte[] fileMarker = "Narwhal-5530 bytes inside the file".getBytes(StandardCharsets.UTF_8);
		byte[] pdf = concat(PDF, fileMarker);
		clientUploads(file("Quetzal-2208 letter.pdf", "application/pdf", pdf), marker)
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/app/clients/" + practice.clientOfA() + "/messages/switch").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("on", "false")
			.param("reason", marker));

		List<byte[]> dump = dump(List.of("message_thread", "message", "message_attachment"));
		assertThat(dump).isNotEmpty().noneSatisfy(value -> assertThat(contains(value, marker.getBytes(StandardCharsets.UTF_8))).isTrue());
		assertThat(dump).noneSatisfy(value -> assertThat(contains(value, fileMarker)).isTrue());
		assertThat(dump).noneSatisfy(
				value -> assertThat(contains(value, "Quetzal".getBytes(StandardCharsets.UTF_8))).isTrue());
		// The pages and the download show it all in plain.
		mvc.perform(get("/me/messages").with(practice.as(practice.clientAEmail())))
			.andExpect(content().string(containsString("Okapi-9182 ünïcödé marker in plain text")))
			.andExpect(content().string(containsString("Quetzal-2208 letter.pdf")));
		mvc.perform(get("/me/messages/attachments/" + attachmentId()).with(practice.as(practice.clientAEmail())))
			.andExpect(content().bytes(pdf));
	}

	/** Every value of every column of these tables for this practice, as the bytes a dump would hold. */
	private List<byte[]> dump(List<String> tables) {
		List<byte[]> values = new ArrayList<>();
		for (String table : tables) {
			List<String[]> columns = jdbc.sql("""
					select column_name, data_type from information_schema.columns
					where table_schema = 'public' and table_name = :t""")
				.param("t", table)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			for (String[] column : columns) {
				boolean bytea = "bytea".equals(column[1]);
				values.addAll(jdbc.sql("select " + column[0] + (bytea ? "" : "::text") + " from " + table
						+ " where practice_id = :p and " + column[0] + " is not null")
					.param("p", practice.practice().id().value())
					.query((rs, n) -> bytea ? rs.getBytes(1) : rs.getString(1).getBytes(StandardCharsets.UTF_8))
					.list());
			}
		}
		return values;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private void consentToMessaging() {
		var client = practice.user(practice.clientAEmail());
		consents.sign(client, consents.current(practice.practice().id(), ConsentKind.MESSAGING).id(),
				client.displayName());
	}

	private org.springframework.test.web.servlet.ResultActions clientSends(String text) throws Exception {
		return mvc.perform(asClient(post("/me/messages")).param("text", text));
	}

	private org.springframework.test.web.servlet.ResultActions therapistSends(String text) throws Exception {
		return mvc.perform(post("/app/clients/" + practice.clientOfA() + "/messages").with(csrf())
			.with(practice.as(practice.therapistAEmail()))
			.param("text", text));
	}

	private MockHttpServletRequestBuilder asClient(MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with(practice.as(practice.clientAEmail()));
	}

	private org.springframework.test.web.servlet.ResultActions clientUploads(MockMultipartFile file, String text)
			throws Exception {
		return mvc.perform(multipart("/me/messages").file(file)
			.with(csrf())
			.with(practice.as(practice.clientAEmail()))
			.param("text", text));
	}

	private static MockMultipartFile file(String name, String declaredType, byte[] content) {
		return new MockMultipartFile("file", name, declaredType, content);
	}

	private String staffDownload(UUID attachment) {
		return "/app/clients/" + practice.clientOfA() + "/messages/attachments/" + attachment;
	}

	private String clientName() {
		return practice.user(practice.clientAEmail()).displayName();
	}

	private List<String> notices(String recipient) {
		return jdbc.sql("select body from outbox_message where practice_id = :p and recipient = :r order by created_at")
			.param("p", practice.practice().id().value())
			.param("r", recipient)
			.query(String.class)
			.list();
	}

	private int messageCount() {
		return jdbc.sql("select count(*) from message where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(Integer.class)
			.single();
	}

	private UUID attachmentId() {
		return jdbc.sql("select attachment_id from message_attachment where practice_id = :p")
			.param("p", practice.practice().id().value())
			.query(UUID.class)
			.single();
	}

	private int audited(String action) {
		return jdbc.sql("select count(*) from audit_event where practice_id = :p and action = :a")
			.param("p", practice.practice().id().value())
			.param("a", action)
			.query(Integer.class)
			.single();
	}

}
