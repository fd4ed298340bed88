package fr.conventionent.notification;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.JsonVariables;

/**
 * Queues a mail as an {@code envoi-courriel} instance, inside the caller's transaction: the mail
 * exists if and only if the work that caused it is committed, and it is sent later by an async,
 * retried step. An SMTP outage delays mail, never blocks a user, never loses a mail; exhausted
 * retries show as an incident in Cockpit.
 */
@Component
public class MailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;

    public MailQueue(RuntimeService runtimeService, EngineAuthorization engineAuthorization) {
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    /** @param reference the business key of the convention the mail is about, shown in Cockpit */
    public void enqueue(String reference, Mail mail) {
        List<String> to = List.copyOf(new LinkedHashSet<>(mail.to()));
        if (to.isEmpty()) {
            LOG.warn("Courriel « {} » sans destinataire : non envoyé", mail.subject());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(MailProcess.DESTINATAIRES, JsonVariables.write(to));
        variables.put(MailProcess.OBJET, mail.subject());
        variables.put(MailProcess.CORPS, mail.body());
        if (mail.html() != null) {
            variables.put(MailProcess.CORPS_HTML, mail.html());
        }
        if (mail.attachment() != null) {
            variables.put(MailProcess.PIECE_JOINTE, Variables.fileValue(mail.attachment().fileName())
                    .file(mail.attachment().content()).mimeType(mail.attachment().mimeType()).create());
        }
        engineAuthorization.withoutChecks(() ->
                runtimeService.startProcessInstanceByKey(MailProcess.KEY, reference, variables));
    }
}
