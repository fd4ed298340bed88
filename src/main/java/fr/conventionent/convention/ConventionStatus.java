package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionVariables;

/** Where a convention stands, for people and for the registry: BPMN {@code ${conventionStatus.set(execution, 'en-vigueur')}}. */
@Component("conventionStatus")
public class ConventionStatus {

    private final ConventionLife life;

    public ConventionStatus(ConventionLife life) {
        this.life = life;
    }

    public void set(DelegateExecution execution, String statut) {
        execution.setVariable(ConventionVariables.STATUT, statut);
        life.status(execution.getProcessBusinessKey(), statut);
    }
}
