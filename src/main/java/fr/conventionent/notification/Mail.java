package fr.conventionent.notification;

import java.util.List;

/** An outgoing mail; the attachment is optional. */
public record Mail(List<String> to, String subject, String body, Attachment attachment) {

    public record Attachment(String fileName, String mimeType, byte[] content) {
    }

    public Mail(List<String> to, String subject, String body) {
        this(to, subject, body, null);
    }
}
