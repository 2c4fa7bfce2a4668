package care.rapport.messaging;

import java.util.Locale;

/** What a page shows of a file sent with a message: its name, checked type and size, not its bytes. */
public record AttachmentInfo(AttachmentId id, String fileName, FileType type, int sizeBytes) {

	/** The size for people: "320 KB", "2.4 MB". */
	public String size() {
		return size(sizeBytes);
	}

	/** A size over a limit, rounded up so it never reads as the limit itself: "10.1 MB", not "10.0 MB". */
	public static String sizeOver(long bytes) {
		return String.format(Locale.CANADA, "%.1f MB", Math.ceil(bytes * 10 / (1024.0 * 1024.0)) / 10);
	}

	/** A number of bytes for people: "320 KB", "2.4 MB". */
	public static String size(long bytes) {
		if (bytes < 1024 * 1024) {
			return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
		}
		return String.format(Locale.CANADA, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
