package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.delegation.DelegationScope;
import fr.conventionent.identity.delegation.RecteurSignatures;
import fr.conventionent.identity.delegation.Signatory;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * The Recteur's step: offered at its creation to the delegates of the day for conventions (or avenants) besides the
 * {@code recteur} group; at completion the signer must be of the Recteur's office or such a delegate, and the circuit
 * record keeps in what capacity they acted. The signature date: required when signing, never in the future nor
 * before the circuit began. Forms send it as text (2027-03-01); it is stored as a Date, 00:00 in Paris.
 */
@Component("recteurSignatureListener")
public class RecteurSignatureListener implements TaskListener {

    private final RecteurSignatures signatures;
    private final CircuitJournal journal;

    public RecteurSignatureListener(RecteurSignatures signatures, CircuitJournal journal) {
        this.signatures = signatures;
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegationScope scope = task.getVariable(SignedConvention.AVENANT_NUMERO) == null ? DelegationScope.CONVENTIONS
                : DelegationScope.AVENANTS;
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            signatures.offerToDelegates(task, scope);
            return;
        }
        Signatory signatory = signatures.sign(task, scope);
        task.getExecution().setVariables(signatory.variables());
        journal.addToLastEntry(task, "qualite", signatory.qualite());
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
