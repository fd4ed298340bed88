package fr.conventionent.incident;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.kernel.Groups;

/**
 * 48 and 72 hours after detection, "Notifier la CNIL" is still open: the DPO, the RSSI and the
 * alert mailbox are warned; when the commune notifies (article 6), also its agents and its own DPO. The step's input {@code palierHeures} says which escalation this is.
 */
@Component("escalateCnilNotificationDelegate")
public class EscalateCnilNotificationDelegate implements JavaDelegate {

    private final IncidentAlerts alerts;
    private final IncidentMails mails;
    private final ConventionRecords records;

    public EscalateCnilNotificationDelegate(IncidentAlerts alerts, IncidentMails mails, ConventionRecords records) {
        this.alerts = alerts;
        this.mails = mails;
        this.records = records;
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
        List<String> addresses = new ArrayList<>();
        if (IncidentProcess.COMMUNE.equals(notifier)) {
            groups.add(Groups.commune(facts.communeInsee()));
            records.communeDpo(facts.communeInsee()).ifPresent(dpo -> addresses.add(dpo.email()));
        }
        alerts.send(facts, groups, addresses, mails.escalation(facts, hours, notifier));
    }
}
