package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The résiliation is renounced before the letter is sent. */
@Component("abandonResiliationDelegate")
public class AbandonResiliationDelegate implements JavaDelegate {

    private final Resiliations resiliations;

    public AbandonResiliationDelegate(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resiliations.abandon(execution);
    }
}
