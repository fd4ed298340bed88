package fr.conventionent.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/**
 * 48 and 72 hours after detection, "Notifier la CNIL" is still open: the DPO, the RSSI and the
 * alert mailbox are warned; when the commune notifies (article 6), also its agents and its own DPO. The step's input {@code palierHeures} says which escalation this is.
 */
@Component("escalateCnilNotificationDelegate")
public class EscalateCnilNotificationDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final IncidentMails mails;
    private final ConventionProperties properties;
    private final ConventionRecords records;

    public EscalateCnilNotificationDelegate(MailQueue mailQueue, UserDirectory users, IncidentMails mails,
                                            ConventionProperties properties, ConventionRecords records) {
        this.records = records;
        this.mailQueue = mailQueue;
        this.users = users;
        this.mails = mails;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(IncidentProcess.NOTIFICATION_CNIL) != null) {
            return; // the DPO completed the task between the timer and this step
        }
        int hours = Integer.parseInt(String.valueOf(execution.getVariableLocal(IncidentProcess.PALIER_HEURES)));
        IncidentFacts facts = IncidentFacts.of(execution);
        String notifier = IncidentCompetence.cnilNotifier(execution);
        List<String> groups = new ArrayList<>(List.of(Groups.DPO, Groups.RSSI));
        if (IncidentProcess.COMMUNE.equals(notifier)) {
            groups.add(Groups.commune(facts.communeInsee()));
        }
        Set<String> to = new LinkedHashSet<>(users.emailsOfGroups(groups));
        if (IncidentProcess.COMMUNE.equals(notifier)) {
            records.communeDpo(facts.communeInsee()).ifPresent(dpo -> to.add(dpo.email()));
        }
        to.add(properties.academie().adresseAlerte());
        mailQueue.enqueue(facts.numero(), new Mail(List.copyOf(to), mails.escalation(facts, hours, notifier)));
    }
}
