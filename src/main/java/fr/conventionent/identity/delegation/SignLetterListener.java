package fr.conventionent.identity.delegation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * "Signer la lettre" of the académie: offered to the Recteur's office and the day's delegates for letters; its
 * completion records who signed and in what capacity, for the signature block of the letter.
 */
@Component("signLetterListener")
public class SignLetterListener implements TaskListener {

    /** The form's checkbox: the signer has read the letter and signs it. */
    public static final String LETTRE_SIGNEE = "lettreSignee";

    private final RecteurSignatures signatures;

    public SignLetterListener(RecteurSignatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            signatures.offerToDelegates(task, DelegationScope.LETTRES);
            return;
        }
        if (!Boolean.TRUE.equals(task.getVariable(LETTRE_SIGNEE))) {
            throw new InvalidSubmissionException("Cochez la case qui confirme que vous signez la lettre.");
        }
        Signatory signatory = signatures.sign(task, DelegationScope.LETTRES);
        task.getExecution().setVariables(signatory.variables());
    }
}
