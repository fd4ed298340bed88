package fr.conventionent.notification;

import static fr.conventionent.kernel.ConventionVariables.*;
import static fr.conventionent.notification.MailTemplates.variables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.FrenchFormats;

/**
 * Mails the members of a task's candidate groups (and its assignee) when the task is created
 * ("create") and when it is overdue ("timeout", see {@link TaskDeadlines#reminderCycle}). Template {@code tache}.
 */
@Component("taskNotificationListener")
public class TaskNotificationListener implements TaskListener {

    private final MailQueue mailQueue;
    private final MailTemplates templates;
    private final UserDirectory users;
    private final ConventionProperties properties;

    public TaskNotificationListener(MailQueue mailQueue, MailTemplates templates, UserDirectory users,
                                    ConventionProperties properties) {
        this.mailQueue = mailQueue;
        this.templates = templates;
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = String.valueOf(task.getExecution().getProcessBusinessKey());
        Object numero = task.getVariable(CONVENTION_NUMERO);
        Object motif = task.getVariable(MOTIF_REJET);
        MailContent mail = templates.render("tache", variables(
                "relance", EVENTNAME_TIMEOUT.equals(task.getEventName()),
                "tache", task.getName(),
                "reference", reference,
                "numero", numero,
                "commune", task.getVariable(COMMUNE_LIBELLE),
                "echeance", task.getDueDate() == null ? null : FrenchFormats.longDate(task.getDueDate()),
                "motifRejet", motif,
                "etapeRejet", motif == null ? null : task.getVariable(ETAPE_REJET),
                "lien", properties.courriel().adresseApplication() + "/camunda/app/tasklist/default/#/?task="
                        + task.getId()));
        mailQueue.enqueue(reference, new Mail(recipients(task), mail));
    }

    private List<String> recipients(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        Set<String> emails = new LinkedHashSet<>(users.emailsOfGroups(groups));
        if (task.getAssignee() != null) {
            String email = users.emailOf(task.getAssignee());
            if (email != null) {
                emails.add(email);
            }
        }
        return List.copyOf(emails);
    }
}
