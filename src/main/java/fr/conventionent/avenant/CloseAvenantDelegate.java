package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The avenant is abandoned, refused by the commune or rejected by the DACES: both parties are told. */
@Component("closeAvenantDelegate")
public class CloseAvenantDelegate implements JavaDelegate {

    private final Avenants avenants;

    public CloseAvenantDelegate(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avenants.close(execution);
    }
}
