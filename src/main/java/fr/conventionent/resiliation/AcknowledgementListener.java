package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Enregistrer l'avis de réception": the receipt date is checked on the server. */
@Component("acknowledgementListener")
public class AcknowledgementListener implements TaskListener {

    private final Resiliations resiliations;

    public AcknowledgementListener(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void notify(DelegateTask task) {
        resiliations.checkAcknowledgement(task);
    }
}
