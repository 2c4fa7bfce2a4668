package care.rapport.messaging;

/**
 * A file as someone sent it with a message, before any check: the name their device gave it and
 * its bytes. Its name and declared type are never trusted; {@link FileType#of} decides what it is.
 */
public record Upload(String fileName, byte[] content) {

	public boolean empty() {
		return content.length == 0;
	}

}
