package fr.conventionent.signature;

import static fr.conventionent.notification.MailTemplates.variables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** Annexe 2 §1: the commune is told its convention or avenant is signed, and that its copy will be posted. */
@Component("notifyCommuneCopySentDelegate")
public class NotifyCommuneCopySentDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final UserDirectory users;

    public NotifyCommuneCopySentDelegate(MailQueue mailQueue, MailTemplates templates, UserDirectory users) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.users = users;
    }

    @Override
    public void execute(DelegateExecution execution) {
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
