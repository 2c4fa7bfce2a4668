package care.rapport.messaging;

import java.util.Locale;

/**
 * File names as people's devices send them, made safe to store and to offer for download: no
 * folders, no control characters, a sensible length, and an ending that matches what the file
 * really is (a PDF named "notes.exe" downloads as "notes.exe.pdf").
 */
final class FileNames {

	static final int MAX_LENGTH = 120;

	private FileNames() {
	}

	static String safe(String given, FileType type) {
		String name = given.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.codePoints()
			.filter(c -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		String base = name;
		String lower = name.toLowerCase(Locale.ROOT);
		for (String ending : endingsOf(type)) {
			if (lower.endsWith("." + ending)) {
				base = name.substring(0, name.length() - ending.length() - 1);
				break;
			}
		}
		if (base.isBlank()) {
			base = "file";
		}
		int room = MAX_LENGTH - type.extension().length() - 1;
		if (base.codePointCount(0, base.length()) > room) {
			base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
		}
		return base + "." + type.extension();
	}

	/** Whether a name ends like one of the allowed kinds of file. */
	static boolean looksLikeAllowed(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		for (FileType type : FileType.values()) {
			for (String ending : endingsOf(type)) {
				if (lower.endsWith("." + ending)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String[] endingsOf(FileType type) {
		return type == FileType.JPEG ? new String[] { "jpg", "jpeg" } : new String[] { type.extension() };
	}

}
