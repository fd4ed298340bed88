package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/**
 * "L'académie prendra les décisions qui s'imposent": the commune's agents are told what was decided. In the
 * commune's own field (article 6) the commune decided: the académie's RSSI, DPO and IEN of the circonscription
 * are told instead, so that they may comment.
 */
@Component("informCommuneDelegate")
public class InformCommuneDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final IncidentMails mails;

    public InformCommuneDelegate(MailQueue mailQueue, UserDirectory users, IncidentMails mails) {
        this.mailQueue = mailQueue;
        this.users = users;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IncidentFacts facts = IncidentFacts.of(execution);
        String competence = IncidentCompetence.of(execution);
        List<String> groups = COMMUNE.equals(competence)
                ? IncidentCompetence.academieObservers(execution)
                : List.of(Groups.commune(facts.communeInsee()));
        List<String> to = List.copyOf(users.emailsOfGroups(groups));
        mailQueue.enqueue(facts.numero(), new Mail(to, mails.measures(facts, competence,
                IncidentCompetence.cnilNotifier(execution),
                (String) execution.getVariable(GRAVITE), (String) execution.getVariable(PERIMETRE),
                (String) execution.getVariable(VIOLATION_DONNEES), (String) execution.getVariable(MESURES),
                (String) execution.getVariable(CONSIGNES_COMMUNE))));
    }
}
