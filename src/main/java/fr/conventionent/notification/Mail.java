package fr.conventionent.notification;

import java.util.List;

/** An outgoing mail; the HTML alternative and the attachment are optional. */
public record Mail(List<String> to, String subject, String body, String html, Attachment attachment) {

    public record Attachment(String fileName, String mimeType, byte[] content) {
    }

    public Mail(List<String> to, String subject, String body) {
        this(to, subject, body, null, null);
    }

    public Mail(List<String> to, String subject, String body, Attachment attachment) {
        this(to, subject, body, null, attachment);
    }

    /** A mail rendered by {@link MailTemplates}. */
    public Mail(List<String> to, MailContent content) {
        this(to, content, null);
    }

    public Mail(List<String> to, MailContent content, Attachment attachment) {
        this(to, content.subject(), content.text(), content.html(), attachment);
    }
}
