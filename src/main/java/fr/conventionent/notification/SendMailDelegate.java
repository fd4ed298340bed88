package fr.conventionent.notification;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.JsonVariables;
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
        List<String> to = JsonVariables.readList(execution.getVariable(MailProcess.DESTINATAIRES), String.class);
        FileValue attachment = execution.getVariableTyped(MailProcess.PIECE_JOINTE);
        String text = (String) execution.getVariable(MailProcess.CORPS);
        String html = (String) execution.getVariable(MailProcess.CORPS_HTML);
        MimeMessage message = transport.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, UTF_8);
        helper.setFrom(properties.courriel().expediteur());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject((String) execution.getVariable(MailProcess.OBJET));
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
        transport.send(message);
    }

    private static MimeMultipart alternative(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8);
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, UTF_8, "html");
        return new MimeMultipart("alternative", plain, rich);
    }
}
