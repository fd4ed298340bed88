package fr.conventionent.incident;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.identity.Groups;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.notification.Mail;
import fr.conventionent.notification.MailQueue;

/**
 * 48 and 72 hours after detection, "Notifier la CNIL" is still open: the DPO, the RSSI and the
 * alert mailbox are warned. The step's input {@code palierHeures} says which escalation this is.
 */
@Component("escalateCnilNotificationDelegate")
public class EscalateCnilNotificationDelegate implements JavaDelegate {

    private final MailQueue mailQueue;
    private final UserDirectory users;
    private final IncidentMails mails;
    private final ConventionProperties properties;

    public EscalateCnilNotificationDelegate(MailQueue mailQueue, UserDirectory users, IncidentMails mails,
                                            ConventionProperties properties) {
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
        List<String> to = new ArrayList<>(users.emailsOfGroups(List.of(Groups.DPO, Groups.RSSI)));
        to.add(properties.academie().adresseAlerte());
        mailQueue.enqueue(facts.numero(), new Mail(to, mails.escalation(facts, hours)));
    }
}
