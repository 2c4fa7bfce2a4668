package care.rapport.messaging;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Files are what their first bytes say, whatever their name or declared type. */
class FileTypeTests {

	@Test
	void recognisesEachAllowedKindByItsFirstBytes() {
		assertThat(FileType.of(ascii("%PDF-1.7\n..."))).contains(FileType.PDF);
		assertThat(FileType.of(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0))).contains(FileType.PNG);
		assertThat(FileType.of(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).contains(FileType.JPEG);
		assertThat(FileType.of(ascii("GIF89a..."))).contains(FileType.GIF);
		assertThat(FileType.of(ascii("GIF87a..."))).contains(FileType.GIF);
		assertThat(FileType.of(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(FileType.WEBP);
	}

	@Test
	void refusesWebPagesProgramsAndLookAlikes() {
		assertThat(FileType.of(ascii("<!DOCTYPE html><html>"))).isEmpty();
		assertThat(FileType.of(ascii("  %PDF-1.4 with leading blanks"))).isEmpty();
		assertThat(FileType.of(bytes('M', 'Z', 0x90, 0))).isEmpty();
		assertThat(FileType.of(bytes(0x7f, 'E', 'L', 'F'))).isEmpty();
		assertThat(FileType.of(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
		assertThat(FileType.of(ascii("%PDF"))).isEmpty();
		assertThat(FileType.of(new byte[0])).isEmpty();
	}

	@Test
	void namesAreMadeSafeAndEndInTheRealType() {
		assertThat(FileNames.safe("C:\\Users\\alex\\diary.pdf", FileType.PDF)).isEqualTo("diary.pdf");
		assertThat(FileNames.safe("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
		assertThat(FileNames.safe("notes.exe", FileType.PDF)).isEqualTo("notes.exe.pdf");
		assertThat(FileNames.safe("Photo.JPEG", FileType.JPEG)).isEqualTo("Photo.jpg");
		assertThat(FileNames.safe("scan.png", FileType.JPEG)).isEqualTo("scan.png.jpg");
		assertThat(FileNames.safe(".hidden", FileType.PNG)).isEqualTo("hidden.png");
		assertThat(FileNames.safe("", FileType.GIF)).isEqualTo("file.gif");
		assertThat(FileNames.safe("a\"b\u0000c\u202Etxt.pdf", FileType.PDF)).isEqualTo("abctxt.pdf");
		assertThat(FileNames.safe("x".repeat(300) + ".pdf", FileType.PDF)).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
	}

	@Test
	void sizesOverTheLimitNeverReadAsTheLimit() {
		assertThat(AttachmentInfo.sizeOver(FileType.MAX_BYTES + 1)).isEqualTo("10.1 MB");
		assertThat(AttachmentInfo.size(1)).isEqualTo("1 KB");
		assertThat(AttachmentInfo.size(2_500_000)).isEqualTo("2.4 MB");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
