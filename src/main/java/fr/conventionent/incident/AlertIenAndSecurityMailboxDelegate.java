package fr.conventionent.incident;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.Groups;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.JsonVariables;

/**
 * Article 7: the incident is signalled at once to the IEN of the circonscription of each school it names (of
 * every school of the convention when it names none) and to the académie's security alert mailbox; also to the data-protection officer when personal data
 * may be involved, since the 72-hour clock already runs.
 */
@Component("alertIenAndSecurityMailboxDelegate")
public class AlertIenAndSecurityMailboxDelegate implements JavaDelegate {

    private final IncidentAlerts alerts;
    private final UserDirectory users;
    private final IncidentMails mails;

    public AlertIenAndSecurityMailboxDelegate(IncidentAlerts alerts, UserDirectory users, IncidentMails mails) {
        this.alerts = alerts;
        this.users = users;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IncidentFacts facts = IncidentFacts.of(execution);
        List<String> groups = new ArrayList<>();
        IncidentCirconscriptions.of(execution).forEach(circonscription -> groups.add(Groups.ienCirco(circonscription)));
        if (facts.donneesPersonnelles()) {
            groups.add(Groups.DPO);
        }
        String declarantEmail = facts.declarant() == null ? null : users.emailOf(facts.declarant());
        alerts.send(facts, groups, List.of(),
                mails.alert(facts, declarantEmail, IncidentFacts.evidenceFileNames(execution)));
    }
}
