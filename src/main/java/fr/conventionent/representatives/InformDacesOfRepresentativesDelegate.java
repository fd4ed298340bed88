package fr.conventionent.representatives;

import static fr.conventionent.representatives.RepresentativesProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.Contact;
import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRepresentatives;
import fr.conventionent.convention.ConventionVariables;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.SubmittedDates;
import fr.conventionent.identity.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/** The DACES is told who now acts for the commune, and from when. */
@Component("informDacesOfRepresentativesDelegate")
public class InformDacesOfRepresentativesDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final ConventionRecipients recipients;
    private final ConventionRepresentatives representatives;

    public InformDacesOfRepresentativesDelegate(MailQueue mailQueue, ConventionRecipients recipients,
                                                ConventionRepresentatives representatives) {
        this.mailQueue = mailQueue;
        this.recipients = recipients;
        this.representatives = representatives;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        String commune = (String) execution.getVariable(ConventionVariables.COMMUNE_LIBELLE);
        var since = SubmittedDates.storedDay(execution.getVariable(DATE_EFFET));
        StringBuilder body = new StringBuilder("La commune de ").append(commune)
                .append(" a déclaré de nouveaux représentants pour la convention ").append(numero)
                .append(", à compter du ").append(FrenchFormats.longDate(since)).append(" :\n\n");
        String maire = (String) execution.getVariable(NOUVEAU_MAIRE);
        if (maire != null) {
            body.append("- maire : ").append(maire).append('\n');
        }
        if (execution.getVariable(REFERENT_NOM) != null && !execution.getVariable(REFERENT_NOM).toString().isBlank()) {
            Contact referent = representatives.referentOn(numero, since).orElseThrow();
            body.append("- référent ENT : ").append(referent.nom()).append(", ").append(referent.telephone())
                    .append(", ").append(referent.email()).append('\n');
        }
        body.append("\nLes lettres, avenants et courriels produits à partir de cette date les nomment ; les documents"
                + " déjà produits restent inchangés. Aucun avenant n'est nécessaire : la convention elle-même ne change"
                + " pas.\n").append(ConventionRecipients.footer());
        mailQueue.enqueue(numero, new Mail(recipients.groups(Groups.DACES),
                "Convention " + numero + " : nouveaux représentants de la commune de " + commune, body.toString()));
    }
}
