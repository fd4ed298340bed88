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
import jakarta.mail.internet.MimeMessage;

/** Sends the mail of an {@code envoi-courriel} instance; a failure is retried by the engine. */
@Component("sendMailDelegate")
public class SendMailDelegate implements JavaDelegate {

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
        MimeMessage message = transport.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
        helper.setFrom(properties.courriel().expediteur());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject((String) execution.getVariable(MailProcess.OBJET));
        helper.setText((String) execution.getVariable(MailProcess.CORPS), false);
        if (attachment != null) {
            helper.addAttachment(attachment.getFilename(),
                    new ByteArrayResource(attachment.getValue().readAllBytes()), attachment.getMimeType());
        }
        transport.send(message);
    }
}
