package fr.conventionent.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Hands a message to SMTP, or, when no SMTP host is configured (the demo default), writes it as
 * an .eml file that any mail client opens.
 */
@Component
public class MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(MailTransport.class);

    private final JavaMailSender sender;
    private final boolean smtpConfigured;
    private final Path outbox;

    @Autowired
    public MailTransport(ObjectProvider<JavaMailSender> sender, MailProperties mailProperties,
                         ConventionProperties properties) {
        this(mailProperties.getHost() != null && !mailProperties.getHost().isBlank() ? sender.getObject() : null,
                Path.of(properties.courriel().dossier()));
    }

    /** @param sender the SMTP sender, or {@code null} to write .eml files in {@code outbox} */
    MailTransport(JavaMailSender sender, Path outbox) {
        this.smtpConfigured = sender != null;
        this.sender = smtpConfigured ? sender : new JavaMailSenderImpl();
        this.outbox = outbox;
    }

    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    public void send(MimeMessage message) throws MessagingException, IOException {
        if (smtpConfigured) {
            sender.send(message);
            return;
        }
        Files.createDirectories(outbox);
        Path file = outbox.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        LOG.info("Pas de serveur SMTP configuré : courriel « {} » écrit dans {}", message.getSubject(), file);
    }
}
