package care.rapport.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a message may carry, recognised by their first bytes ("magic numbers"), never
 * by the name or the type the browser declares: a web page or a program renamed {@code x.pdf} is
 * not a PDF and is refused. Downloads are served with the type found here.
 */
public enum FileType {

	PDF("application/pdf", "pdf", "PDF"), PNG("image/png", "png", "PNG image"), JPEG("image/jpeg", "jpg", "JPEG image"),
	GIF("image/gif", "gif", "GIF image"), WEBP("image/webp", "webp", "WebP image");

	/** The largest file a message may carry: 10 MB. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String mediaType;

	private final String extension;

	private final String label;

	FileType(String mediaType, String extension, String label) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.label = label;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	public String label() {
		return label;
	}

	/** What the content is, judged by its first bytes alone; empty for anything not allowed. */
	public static Optional<FileType> of(byte[] content) {
		if (startsWith(content, 0, ascii("%PDF-"))) {
			return Optional.of(PDF);
		}
		if (startsWith(content, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(content, 0, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, 0, ascii("GIF87a")) || startsWith(content, 0, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	/** The type stored with a file. */
	public static FileType ofMediaType(String mediaType) {
		return Arrays.stream(values())
			.filter(t -> t.mediaType.equals(mediaType))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Not an allowed file type: " + mediaType));
	}

	/** The allowed kinds, for messages to people: "PDF, PNG, JPEG, GIF or WebP". */
	public static String allowedList() {
		return "PDF, PNG, JPEG, GIF or WebP";
	}

	private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
		return content.length >= offset + prefix.length
				&& Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
