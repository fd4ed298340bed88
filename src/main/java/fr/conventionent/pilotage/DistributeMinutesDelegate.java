package fr.conventionent.pilotage;

import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.notification.Mail;

/**
 * The minutes go to the members and both parties; the convention keeps a line about the comité
 * ({@code comiteTenu}, appended to its {@code comites}).
 */
@Component("distributeMinutesDelegate")
public class DistributeMinutesDelegate implements JavaDelegate {

    private final SteeringCommitteeMails mails;

    public DistributeMinutesDelegate(SteeringCommitteeMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        FileValue minutes = execution.getVariableTyped(COMPTE_RENDU);
        mails.sendMinutes(execution, Mail.Attachment.of(minutes));
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("numero", execution.getVariable(NUMERO_COMITE));
        held.put("date", ConventionDates.toLocalDate((Date) execution.getVariable(DATE_COMITE)).toString());
        held.put("lieu", execution.getVariable(LIEU));
        held.put("participants", SteeringCommitteeMails.participants(execution).size());
        held.put("compteRendu", minutes.getFilename());
        held.put("instance", execution.getProcessInstanceId());
        execution.setVariable(COMITE_TENU, JsonVariables.write(held));
    }
}
