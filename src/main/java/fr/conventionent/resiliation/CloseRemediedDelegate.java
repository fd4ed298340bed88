package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The breach is remedied: the procedure closes, the convention goes on. */
@Component("closeRemediedDelegate")
public class CloseRemediedDelegate implements JavaDelegate {

    private final Resiliations resiliations;

    public CloseRemediedDelegate(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resiliations.closeRemedied(execution);
    }
}
