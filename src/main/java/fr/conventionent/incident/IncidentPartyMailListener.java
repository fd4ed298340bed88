package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/**
 * The mails between the parties that article 6 adds to an incident: when the commune notifies the CNIL, its DPO
 * (named in Annexe 2, often without an account) learns the 72-hour deadline as the task is created; the académie's
 * comment on an incident of the commune's field goes to the commune. Both are queued: sent after the commit, retried.
 */
@Component("incidentPartyMailListener")
public class IncidentPartyMailListener implements TaskListener {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final IncidentMails mails;
    private final ConventionRecords records;

    public IncidentPartyMailListener(MailQueue mailQueue, UserDirectory users, IncidentMails mails,
                                     ConventionRecords records) {
        this.mailQueue = mailQueue;
        this.users = users;
        this.mails = mails;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        IncidentFacts facts = IncidentFacts.of(task);
        if (TASK_NOTIFY_CNIL.equals(task.getTaskDefinitionKey()) && EVENTNAME_CREATE.equals(task.getEventName())
                && COMMUNE.equals(IncidentCompetence.cnilNotifier(task))) {
            records.communeDpo(facts.communeInsee()).ifPresent(dpo -> mailQueue.enqueue(facts.numero(),
                    new Mail(List.of(dpo.email()), mails.communeNotifiesCnil(facts, IncidentCompetence.isShared(task)))));
        } else if (TASK_COMMENT.equals(task.getTaskDefinitionKey()) && EVENTNAME_COMPLETE.equals(task.getEventName())
                && task.getVariable(COMMENTAIRE_ACADEMIE) != null) {
            String author = (String) task.getVariable(COMMENTAIRE_PAR);
            String name = users.fullNameOf(author);
            List<String> to = List.copyOf(users.emailsOfGroups(List.of(Groups.commune(facts.communeInsee()))));
            mailQueue.enqueue(facts.numero(), new Mail(to, mails.comment(facts,
                    name != null ? name : author != null ? author : "L'académie",
                    (String) task.getVariable(COMMENTAIRE_ACADEMIE))));
        }
    }
}
