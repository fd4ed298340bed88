package fr.conventionent.signature;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.SubmittedDates;

/**
 * The DACES posted the commune's copy: on a day between the Recteur's signature and today, with an optional
 * registered-mail number (letters, digits, spaces and hyphens, as La Poste prints it).
 */
@Component("communeCopySentListener")
public class CommuneCopySentListener implements TaskListener {

    private static final String LABEL = "La date d'envoi de l'exemplaire";

    @Override
    public void notify(DelegateTask task) {
        LocalDate sent = SubmittedDates.required(task.getVariable(CommuneCopyProcess.DATE_ENVOI), LABEL);
        SubmittedDates.notInFuture(sent, LABEL);
        SubmittedDates.notBefore(sent, LABEL,
                SubmittedDates.storedDay(task.getVariable(ConventionVariables.DATE_SIGNATURE)), "la signature du Recteur");
        Object value = task.getVariable(CommuneCopyProcess.NUMERO_RECOMMANDE);
        String number = value == null ? "" : value.toString().trim();
        if (number.length() > 50) {
            throw new InvalidSubmissionException("Le numéro de l'envoi recommandé est limité à 50 caractères.");
        }
        if (!number.matches("[A-Za-z0-9 -]*")) {
            throw new InvalidSubmissionException("Le numéro de l'envoi recommandé « " + number
                    + " » ne peut contenir que des lettres, des chiffres, des espaces et des tirets.");
        }
        task.setVariable(CommuneCopyProcess.DATE_ENVOI, SubmittedDates.toDate(sent));
        task.setVariable(CommuneCopyProcess.NUMERO_RECOMMANDE, number);
    }
}
