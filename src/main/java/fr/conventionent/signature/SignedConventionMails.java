package fr.conventionent.signature;

import static fr.conventionent.notification.MailTemplates.variables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/**
 * Annexe 2 §1, once the convention or avenant is signed, called by the circuit's expressions
 * ({@code ${signedConventionMails.sendToDsiAndDpo(execution)}}): the scan goes to the DSI and the data-protection
 * officer; the commune is told, and that its copy will be posted.
 */
@Component("signedConventionMails")
public class SignedConventionMails {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final UserDirectory users;

    public SignedConventionMails(MailQueue mailQueue, MailTemplates templates, UserDirectory users) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.users = users;
    }

    public void sendToDsiAndDpo(DelegateExecution execution) {
        SignedConvention signed = SignedConvention.of(execution);
        mailQueue.enqueue(signed.numero(), new Mail(
                List.copyOf(users.emailsOfGroups(List.of(Groups.DSI, Groups.DPO))),
                templates.render("convention-signee-dsi-dpo", variables("numero", signed.numero(),
                        "avenantNumero", signed.isAvenant() ? signed.avenantNumero() : null,
                        "commune", signed.communeNom(), "insee", signed.communeInsee(),
                        "dateSignature", FrenchFormats.longDate(signed.dateSignature()))),
                new Mail.Attachment(signed.scanFileName(), "application/pdf", signed.scan())));
    }

    public void notifyCommuneCopySent(DelegateExecution execution) {
        SignedConvention signed = SignedConvention.of(execution);
        List<String> to = new ArrayList<>(users.emailsOfGroups(List.of(Groups.commune(signed.communeInsee()))));
        Contact referent = JsonVariables.readObject(execution.getVariable(ConventionVariables.REFERENT_ENT), Contact.class);
        if (referent != null && referent.email() != null) {
            to.add(referent.email());
        }
        mailQueue.enqueue(signed.numero(), new Mail(to, templates.render("convention-signee-commune", variables(
                "numero", signed.numero(), "avenantNumero", signed.isAvenant() ? signed.avenantNumero() : null,
                "commune", signed.communeNom(), "dateSignature", FrenchFormats.longDate(signed.dateSignature())))));
    }
}
