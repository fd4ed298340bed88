package fr.conventionent.notification;

import static fr.conventionent.convention.ConventionVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.identity.UserDirectory;

/**
 * Mails the members of a task's candidate groups (and its assignee) when the task is created
 * ("create") and when it is overdue ("timeout", see {@link TaskDeadlines#reminderCycle}).
 */
@Component("taskNotificationListener")
public class TaskNotificationListener implements TaskListener {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final ConventionProperties properties;

    public TaskNotificationListener(MailQueue mailQueue, UserDirectory users, ConventionProperties properties) {
        this.mailQueue = mailQueue;
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean reminder = EVENTNAME_TIMEOUT.equals(task.getEventName());
        String reference = String.valueOf(task.getExecution().getProcessBusinessKey());
        String subject = "[Convention ENT] " + (reminder ? "Relance – tâche en retard : " : "À faire : ")
                + task.getName() + " – " + reference + " (" + task.getVariable(COMMUNE_LIBELLE) + ")";
        mailQueue.enqueue(reference, new Mail(recipients(task), subject, body(task, reminder)));
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

    private String body(DelegateTask task, boolean reminder) {
        StringBuilder body = new StringBuilder("Bonjour,\n\n");
        body.append(reminder
                ? "La tâche suivante a dépassé son échéance et attend toujours d'être traitée :\n\n"
                : "Une nouvelle tâche vous attend dans Convention ENT :\n\n");
        body.append("  Tâche : ").append(task.getName()).append('\n');
        Object numero = task.getVariable(CONVENTION_NUMERO);
        body.append(numero != null ? "  Convention : " + numero
                        : "  Dossier : " + task.getExecution().getProcessBusinessKey())
                .append(" – commune de ").append(task.getVariable(COMMUNE_LIBELLE)).append('\n');
        if (task.getDueDate() != null) {
            body.append("  Échéance : ").append(FrenchFormats.longDate(task.getDueDate())).append('\n');
        }
        Object motif = task.getVariable(MOTIF_REJET);
        if (motif != null) {
            body.append("\nLa convention a été rejetée à l'étape « ").append(task.getVariable(ETAPE_REJET))
                    .append(" » pour le motif suivant :\n  ").append(motif).append('\n');
        }
        body.append("\nPour la traiter, ouvrez la liste des tâches :\n  ")
                .append(properties.courriel().adresseApplication())
                .append("/camunda/app/tasklist/default/#/?task=").append(task.getId()).append('\n');
        body.append("\nCe message est envoyé automatiquement ; merci de ne pas y répondre.\n");
        return body.toString();
    }
}
