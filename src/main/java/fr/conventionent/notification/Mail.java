package fr.conventionent.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.engine.variable.value.FileValue;

/** An outgoing mail; the HTML alternative and the attachment are optional. */
public record Mail(List<String> to, String subject, String body, String html, Attachment attachment) {

    public record Attachment(String fileName, String mimeType, byte[] content) {

        /** A file variable as it stands: its name, its type (or plain bytes when it has none) and its content. */
        public static Attachment of(FileValue file) {
            try (InputStream in = file.getValue()) {
                return new Attachment(file.getFilename(),
                        file.getMimeType() == null ? "application/octet-stream" : file.getMimeType(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
