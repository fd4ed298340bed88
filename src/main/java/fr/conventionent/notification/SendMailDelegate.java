package fr.conventionent.notification;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.kernel.JsonVariables;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Sends the mail of an {@code envoi-courriel} instance; a failure is retried by the engine. With an HTML
 * alternative the message is multipart/alternative (text first, for clients that show only text), inside
 * multipart/mixed when a file is attached; instances queued without one are sent as plain text, as before.
 */
@Component("sendMailDelegate")
public class SendMailDelegate implements JavaDelegate {

    private static final String UTF_8 = "UTF-8";

    private final MailTransport transport;
    private final ConventionProperties properties;

    public SendMailDelegate(MailTransport transport, ConventionProperties properties) {
        this.transport = transport;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        MimeMessage message = transport.newMessage();
        compose(message, properties.courriel().expediteur(),
                JsonVariables.readList(execution.getVariable(MailProcess.DESTINATAIRES), String.class),
                (String) execution.getVariable(MailProcess.OBJET), (String) execution.getVariable(MailProcess.CORPS),
                (String) execution.getVariable(MailProcess.CORPS_HTML),
                execution.getVariableTyped(MailProcess.PIECE_JOINTE));
        transport.send(message);
    }

    /** @param html the HTML alternative, or {@code null}; @param attachment a file to join, or {@code null} */
    static void compose(MimeMessage message, String from, List<String> to, String subject, String text, String html,
                        FileValue attachment) throws MessagingException, IOException {
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, UTF_8);
        helper.setFrom(from);
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject);
        if (attachment != null) {
            if (html == null) {
                helper.setText(text, false);
            } else {
                helper.setText(text, html);
            }
            helper.addAttachment(attachment.getFilename(),
                    new ByteArrayResource(attachment.getValue().readAllBytes()), attachment.getMimeType());
        } else if (html == null) {
            helper.setText(text, false);
        } else {
            message.setContent(alternative(text, html));
        }
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, UTF_8, "html");
        return new MimeMultipart("alternative", plain, rich);
    }
}
