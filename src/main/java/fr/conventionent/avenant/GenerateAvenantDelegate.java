package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The numbered avenant (DOCX) that goes through the signature circuit. */
@Component("generateAvenantDelegate")
public class GenerateAvenantDelegate implements JavaDelegate {

    private final Avenants avenants;

    public GenerateAvenantDelegate(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        avenants.generate(execution);
    }
}
