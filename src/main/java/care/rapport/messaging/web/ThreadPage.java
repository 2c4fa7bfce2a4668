package care.rapport.messaging.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import care.rapport.messaging.Attachment;
import care.rapport.messaging.Conversation;
import care.rapport.messaging.FileType;
import care.rapport.messaging.MessageRefused;
import care.rapport.messaging.Messages;
import care.rapport.messaging.ReplyTimes;
import care.rapport.messaging.Upload;
import care.rapport.practice.Ids;
import care.rapport.practice.PracticeId;
import care.rapport.practice.Practices;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the client's and the care team's thread pages share: the model of a thread with the
 * not-for-emergencies banner, the form as it was typed when a message was refused, and files in
 * and out.
 */
@Component
class ThreadPage {

	/** Shown next to the file field when the browser sent more than the server accepts. */
	static final String TOO_LARGE = "That file was larger than 10 MB, so your message was not sent. "
			+ "Please choose a smaller file.";

	private final Practices practices;

	ThreadPage(Practices practices) {
		this.practices = practices;
	}

	/**
	 * Fills the model of a thread page. {@code refused} and {@code typed} bring back a form that was
	 * not sent, with its message next to the field it concerns and what was typed kept.
	 */
	void fill(Model model, PracticeId practice, Conversation conversation, @Nullable MessageRefused refused,
			String typed, @Nullable UUID key) {
		model.addAttribute("conversation", conversation);
		if (model.getAttribute("unreadMessages") instanceof Integer unread) {
			// The menu's count was taken before this opening marked messages read.
			model.addAttribute("unreadMessages", Math.max(0, unread - conversation.newlyRead()));
		}
		model.addAttribute("messages", conversation.messages());
		model.addAttribute("zone", practices.get(practice).timeZone());
		model.addAttribute("crisis", practices.crisisResources(practice));
		model.addAttribute("replyTime",
				conversation.replyWithinDays() == null ? null : ReplyTimes.phrase(conversation.replyWithinDays()));
		model.addAttribute("maxText", String.format("%,d", Messages.MAX_TEXT));
		model.addAttribute("maxBytes", FileType.MAX_BYTES);
		model.addAttribute("maxReason", Messages.MAX_REASON);
		Map<String, String> errors = new HashMap<>();
		if (refused != null) {
			switch (refused.reason()) {
				case TEXT -> errors.put("text", refused.getMessage());
				case FILE -> errors.put("file", refused.getMessage());
				default -> model.addAttribute("error", refused.getMessage());
			}
			if (refused.fixableInForm()) {
				model.addAttribute("error", "Not sent yet: see the marked part below. What you wrote is kept.");
			}
			else if (!typed.isBlank()) {
				// The form is gone (messaging closed meanwhile): show what was typed, so it is not lost.
				model.addAttribute("unsent", typed);
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("key", (key == null || refused == null ? Ids.next() : key).toString());
	}

	/** The file from the form, if one was chosen. */
	static @Nullable Upload upload(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read an uploaded file", ex);
		}
	}

	/**
	 * A file for download: always as an attachment (never shown inside Rapport's pages), with the
	 * type its content was checked to be, and the browser told not to guess another.
	 */
	static ResponseEntity<byte[]> download(Attachment attachment) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.info().type().mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.info().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentLength(attachment.content().length)
			.body(attachment.content());
	}

}
