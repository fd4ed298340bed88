package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The avenant is signed: the convention's data change and its version goes up. */
@Component("applyAvenantDelegate")
public class ApplyAvenantDelegate implements JavaDelegate {

    private final Avenants avenants;

    public ApplyAvenantDelegate(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avenants.apply(execution);
    }
}
