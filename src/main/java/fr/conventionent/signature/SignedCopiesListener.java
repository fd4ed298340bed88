package fr.conventionent.signature;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.InvalidSubmissionException;

/** The commune confirms it signed the two copies before the circuit goes on. */
@Component("signedCopiesListener")
public class SignedCopiesListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(SignatureCircuitProcess.EXEMPLAIRES_SIGNES))) {
            throw new InvalidSubmissionException("Confirmez que les 2 exemplaires de "
                    + CircuitWording.document(CircuitWording.avenantNumero(task)) + " ont été signés"
                    + " et envoyés à l'IEN de la circonscription.");
        }
    }
}
