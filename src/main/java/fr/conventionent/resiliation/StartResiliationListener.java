package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A party opens a résiliation from Tasklist with the convention number: checked, then locked. */
@Component("startResiliationListener")
public class StartResiliationListener implements ExecutionListener {

    private final Resiliations resiliations;

    public StartResiliationListener(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        resiliations.open(execution);
    }
}
