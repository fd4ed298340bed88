package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The avenant ends, whatever the outcome (also when cancelled): its convention is free for another. */
@Component("avenantEndListener")
public class AvenantEndListener implements ExecutionListener {

    private final Avenants avenants;

    public AvenantEndListener(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void notify(DelegateExecution execution) {
        avenants.release(execution);
    }
}
