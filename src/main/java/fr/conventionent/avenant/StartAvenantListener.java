package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A party proposes an avenant from Tasklist with the convention number: checked, then locked. */
@Component("startAvenantListener")
public class StartAvenantListener implements ExecutionListener {

    private final Avenants avenants;

    public StartAvenantListener(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void notify(DelegateExecution execution) {
        avenants.open(execution);
    }
}
