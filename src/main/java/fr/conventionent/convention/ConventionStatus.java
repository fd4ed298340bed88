package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Where a convention stands, for people and for the registry: BPMN {@code ${conventionStatus.set(execution, 'en-vigueur')}}. */
@Component("conventionStatus")
public class ConventionStatus {

    public void set(DelegateExecution execution, String statut) {
        execution.setVariable(ConventionVariables.STATUT, statut);
    }
}
