package fr.conventionent.signature;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.Contact;
import fr.conventionent.convention.ConventionVariables;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.JsonVariables;
import fr.conventionent.identity.Groups;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/** Annexe 2 §1: one signed copy returns to the commune; it is told the copy is on its way. */
@Component("notifyCommuneCopySentDelegate")
public class NotifyCommuneCopySentDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final UserDirectory users;

    public NotifyCommuneCopySentDelegate(MailQueue mailQueue, UserDirectory users) {
        this.mailQueue = mailQueue;
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
        String body = signed.isAvenant()
                ? "Bonjour,\n\n" + signed.document() + " de la commune de " + signed.communeNom()
                + " a été signé par le Recteur le " + FrenchFormats.longDate(signed.dateSignature()) + ".\n\n"
                + "Votre exemplaire original signé vous est retourné par courrier. L'avenant s'applique à la convention"
                + " à compter de cette date.\n\n"
                + "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n"
                : "Bonjour,\n\nLa convention ENT n° " + signed.numero() + " de la commune de " + signed.communeNom()
                + " a été signée par le Recteur le " + FrenchFormats.longDate(signed.dateSignature()) + ".\n\n"
                + "Votre exemplaire original signé vous est retourné par courrier. La convention est en vigueur"
                + " pour 4 ans à compter de cette date, puis renouvelée chaque année par tacite reconduction.\n\n"
                + "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n";
        mailQueue.enqueue(signed.numero(), new Mail(to, signed.isAvenant()
                ? "[Convention ENT] Votre avenant n° " + signed.avenantNumero() + " à la convention " + signed.numero()
                + " est signé"
                : "[Convention ENT] Votre convention " + signed.numero() + " est signée", body));
    }
}
