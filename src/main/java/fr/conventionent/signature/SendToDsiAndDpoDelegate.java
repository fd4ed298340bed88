package fr.conventionent.signature;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.identity.Groups;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/** Annexe 2 §1: the scanned signed convention goes to the DSI and to the data-protection officer. */
@Component("sendToDsiAndDpoDelegate")
public class SendToDsiAndDpoDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final UserDirectory users;

    public SendToDsiAndDpoDelegate(MailQueue mailQueue, UserDirectory users) {
        this.mailQueue = mailQueue;
        this.users = users;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SignedConvention signed = SignedConvention.of(execution);
        String what = signed.isAvenant() ? "l'avenant n° " + signed.avenantNumero() + " à la convention ENT n° "
                : "la convention ENT n° ";
        String body = "Bonjour,\n\nVeuillez trouver ci-joint " + what + signed.numero()
                + " conclue avec la commune de " + signed.communeNom() + " (" + signed.communeInsee()
                + (signed.isAvenant() ? "), signé" : "), signée") + " par le Recteur le "
                + FrenchFormats.longDate(signed.dateSignature()) + ".\n\n"
                + (signed.isAvenant() ? "Il est également déposé" : "Elle est également déposée")
                + " dans le répertoire partagé.\n\n"
                + "Ce message est envoyé automatiquement ; merci de ne pas y répondre.\n";
        mailQueue.enqueue(signed.numero(), new Mail(
                List.copyOf(users.emailsOfGroups(List.of(Groups.DSI, Groups.DPO))),
                (signed.isAvenant() ? "[Convention ENT] Avenant n° " + signed.avenantNumero() + " signé – convention "
                        : "[Convention ENT] Convention signée ") + signed.numero() + " – " + signed.communeNom(), body,
                new Mail.Attachment(signed.scanFileName(), "application/pdf", signed.scan())));
    }
}
