package fr.conventionent.signature;

import static fr.conventionent.notification.MailTemplates.variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/** Annexe 2 §1: the scanned signed convention goes to the DSI and to the data-protection officer. */
@Component("sendToDsiAndDpoDelegate")
public class SendToDsiAndDpoDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final UserDirectory users;

    public SendToDsiAndDpoDelegate(MailQueue mailQueue, MailTemplates templates, UserDirectory users) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.users = users;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SignedConvention signed = SignedConvention.of(execution);
        mailQueue.enqueue(signed.numero(), new Mail(
                List.copyOf(users.emailsOfGroups(List.of(Groups.DSI, Groups.DPO))),
                templates.render("convention-signee-dsi-dpo", variables("numero", signed.numero(),
                        "avenantNumero", signed.isAvenant() ? signed.avenantNumero() : null,
                        "commune", signed.communeNom(), "insee", signed.communeInsee(),
                        "dateSignature", FrenchFormats.longDate(signed.dateSignature()))),
                new Mail.Attachment(signed.scanFileName(), "application/pdf", signed.scan())));
    }
}
