package care.rapport.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import care.rapport.clients.Client;
import care.rapport.clients.Clients;
import care.rapport.consent.ConsentKind;
import care.rapport.consent.Consents;
import care.rapport.identity.Accounts;
import care.rapport.identity.RapportUser;
import care.rapport.identity.Role;
import care.rapport.identity.UserId;
import care.rapport.messaging.Messages;
import care.rapport.messaging.ReplyTimes;
import care.rapport.messaging.Upload;
import care.rapport.practice.Practice;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A short, warm thread between Alex Rivera and Sam Okafor, so the message pages have something to
 * show: Alex signed the messaging consent, Sam set a usual reply time of two working days, and
 * Alex's latest message, a question before tomorrow's session, waits unread in Sam's inbox.
 */
@Component
class DemoMessages {

	private final Clients clients;

	private final Consents consents;

	private final Messages messages;

	private final ReplyTimes replyTimes;

	private final Accounts accounts;

	private final Clock clock;

	DemoMessages(Clients clients, Consents consents, Messages messages, ReplyTimes replyTimes, Accounts accounts,
			Clock clock) {
		this.clients = clients;
		this.consents = consents;
		this.messages = messages;
		this.replyTimes = replyTimes;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Creates the thread, in the caller's transaction. */
	void create(Practice practice, UserId alexAccount, UserId sam) {
		RapportUser alex = person(practice, alexAccount, Role.CLIENT);
		RapportUser therapist = person(practice, sam, Role.THERAPIST);
		Client record = clients.ownRecord(alex).orElseThrow();
		consents.sign(alex, consents.current(practice.id(), ConsentKind.MESSAGING).id(), record.displayName());
		replyTimes.set(therapist, 2);

		Instant now = clock.instant();
		message(practice, record, alex, """
				Hi Sam, thank you for our last session. I tried the breathing exercise before my team meeting on Monday and it \
				helped more than I expected. I still got nervous, but I didn't leave early.""", null, now.minus(days(6)),
				now.minus(days(6)).plus(Duration.ofHours(20)));
		message(practice, record, therapist, """
				That's really good to hear, Alex. Staying through the meeting while feeling nervous is exactly the \
				kind of step we talked about. Would you keep the sleep diary this week too? A photo or a PDF of it \
				is fine.""", null, now.minus(days(5)), now.minus(days(5)).plus(Duration.ofHours(3)));
		message(practice, record, alex, "Here's the sleep diary from this week. Weekends are still the hardest.",
				new Upload("sleep diary.pdf", sleepDiary()), now.minus(days(3)), now.minus(days(2)));
		message(practice, record, therapist, """
				Thank you for sending it. I can see the later nights at the weekend. Let's look at it together \
				tomorrow; no need to change anything before then.""", null, now.minus(days(2)),
				now.minus(days(1)));
		message(practice, record, alex, """
				Before tomorrow: could we also spend some time on the family visits at the weekend? No need to \
				reply before the session.""", null, now.minus(Duration.ofHours(3)), null);
	}

	private void message(Practice practice, Client client, RapportUser sender, String text, @Nullable Upload file,
			Instant sentAt, @Nullable Instant readAt) {
		messages.importMessage(practice.id(), client, !sender.staff(), sender.id(), text, file, sentAt, readAt);
	}

	private RapportUser person(Practice practice, UserId id, Role role) {
		var member = accounts.member(practice.id(), id).orElseThrow();
		return new RapportUser(id, member.email(), member.displayName(), practice.id(), practice.name(),
				EnumSet.of(role), false, null);
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

	/** A one-page PDF that opens in any viewer: Alex's sleep diary as a short table of text. */
	static byte[] sleepDiary() {
		List<String> lines = List.of("Sleep diary - Alex Rivera", "", "Mon  in bed 23:00  asleep ~23:30  up 07:00",
				"Tue  in bed 23:15  asleep ~23:45  up 07:00", "Wed  in bed 22:45  asleep ~23:30  up 07:00",
				"Thu  in bed 23:00  asleep ~23:20  up 07:00", "Fri  in bed 00:30  asleep ~01:30  up 09:30",
				"Sat  in bed 01:00  asleep ~02:00  up 10:00", "Sun  in bed 23:30  asleep ~00:30  up 07:00");
		StringBuilder text = new StringBuilder("BT /F1 12 Tf 72 740 Td 16 TL\n");
		lines.forEach(line -> text.append('(').append(line).append(") Tj T*\n"));
		text.append("ET");
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
						+ "/Contents 5 0 R >>",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
		var pdf = new ByteArrayOutputStream();
		List<Integer> offsets = new ArrayList<>();
		write(pdf, "%PDF-1.4\n");
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.size());
			write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
		}
		int xref = pdf.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
			.append(xref).append("\n%%EOF\n");
		write(pdf, table.toString());
		return pdf.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
	}

}
