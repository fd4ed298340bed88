package fr.conventionent.signature;

import static fr.conventionent.convention.ConventionVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.FrenchFormats;
import fr.conventionent.convention.InvalidSubmissionException;

/**
 * The Recteur's signature date: required when signing, never in the future nor before the
 * circuit began. Forms send it as text (2027-03-01); it is stored as a Date, 00:00 in Paris.
 */
@Component("recteurSignatureListener")
public class RecteurSignatureListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!DECISION_VALIDER.equals(task.getVariable(DECISION))) {
            task.getExecution().removeVariable(DATE_SIGNATURE);
            return;
        }
        LocalDate signature = parse(task.getVariable(DATE_SIGNATURE));
        LocalDate today = FrenchFormats.toLocalDate(ClockUtil.getCurrentTime());
        LocalDate circuitStart = FrenchFormats.toLocalDate(
                (Date) task.getVariable(SignatureCircuitProcess.DATE_ENTREE_CIRCUIT));
        if (signature.isAfter(today)) {
            throw new InvalidSubmissionException("La date de signature (" + FrenchFormats.longDate(signature)
                    + ") ne peut pas être dans le futur.");
        }
        if (signature.isBefore(circuitStart)) {
            throw new InvalidSubmissionException("La date de signature (" + FrenchFormats.longDate(signature)
                    + ") ne peut pas précéder l'entrée de la convention dans le circuit ("
                    + FrenchFormats.longDate(circuitStart) + ").");
        }
        task.setVariable(DATE_SIGNATURE, Date.from(signature.atStartOfDay(FrenchFormats.PARIS).toInstant()));
    }

    static LocalDate parse(Object value) {
        if (value instanceof Date date) {
            return FrenchFormats.toLocalDate(date);
        }
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            throw new InvalidSubmissionException("Indiquez la date de signature de la convention par le Recteur.");
        }
        try {
            return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(FrenchFormats.PARIS).toLocalDate()
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSubmissionException("La date de signature « " + text
                    + " » n'est pas une date valide (format attendu : AAAA-MM-JJ).");
        }
    }
}
