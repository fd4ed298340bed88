package fr.conventionent.representatives;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The commune's declaration, from the start form: checked and recorded, or refused with nothing recorded. */
@Component("declareRepresentativesListener")
public class DeclareRepresentativesListener implements ExecutionListener {

    private final RepresentativesDeclaration declaration;

    public DeclareRepresentativesListener(RepresentativesDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public void notify(DelegateExecution execution) {
        declaration.declare(execution);
    }
}
