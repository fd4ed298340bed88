package fr.conventionent.representatives;

import static fr.conventionent.notification.MailTemplates.variables;
import static fr.conventionent.representatives.RepresentativesProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecipients;
import fr.conventionent.convention.ConventionRepresentatives;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.SubmittedDates;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;
import fr.conventionent.notification.MailTemplates;

/** The DACES is told who now acts for the commune, and from when. */
@Component("informDacesOfRepresentativesDelegate")
public class InformDacesOfRepresentativesDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final ConventionRecipients recipients;
    private final ConventionRepresentatives representatives;

    public InformDacesOfRepresentativesDelegate(MailQueue mailQueue, MailTemplates templates,
                                                ConventionRecipients recipients,
                                                ConventionRepresentatives representatives) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.recipients = recipients;
        this.representatives = representatives;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = execution.getProcessBusinessKey();
        String commune = (String) execution.getVariable(ConventionVariables.COMMUNE_LIBELLE);
        var since = SubmittedDates.storedDay(execution.getVariable(DATE_EFFET));
        Map<String, Object> referent = null;
        if (execution.getVariable(REFERENT_NOM) != null && !execution.getVariable(REFERENT_NOM).toString().isBlank()) {
            Contact contact = representatives.referentOn(numero, since).orElseThrow();
            referent = variables("nom", contact.nom(), "telephone", contact.telephone(), "email", contact.email());
        }
        mailQueue.enqueue(numero, new Mail(recipients.groups(Groups.DACES), templates.render("representants-declares",
                variables("numero", numero, "commune", commune, "depuis", FrenchFormats.longDate(since),
                        "maire", execution.getVariable(NOUVEAU_MAIRE), "referent", referent))));
    }
}
