package care.rapport.messaging;

/** A file to hand to one of the people allowed to download it, decrypted, with its checked type. */
public record Attachment(AttachmentInfo info, byte[] content) {
}
