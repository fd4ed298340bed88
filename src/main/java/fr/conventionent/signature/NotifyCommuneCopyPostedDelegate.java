package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/** The commune (its agents and référent ENT) learns that its signed copy is in the post: when, and its number. */
@Component("notifyCommuneCopyPostedDelegate")
public class NotifyCommuneCopyPostedDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;

    public NotifyCommuneCopyPostedDelegate(MailQueue mailQueue, MailTemplates templates,
                                           ConventionRecipients recipients) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = (String) execution.getVariable(CONVENTION_NUMERO);
        Object number = execution.getVariable(CommuneCopyProcess.NUMERO_RECOMMANDE);
        mailQueue.enqueue(numero, new Mail(recipients.commune(execution), templates.render("exemplaire-commune-envoye",
                variables("numero", numero, "avenantNumero", CircuitWording.avenantNumero(execution),
                        "commune", execution.getVariable(COMMUNE_NOM),
                        "dateSignature", FrenchFormats.longDate((Date) execution.getVariable(DATE_SIGNATURE)),
                        "dateEnvoi", FrenchFormats.longDate((Date) execution.getVariable(CommuneCopyProcess.DATE_ENVOI)),
                        "numeroRecommande", number == null || number.toString().isBlank() ? null : number))));
    }
}
