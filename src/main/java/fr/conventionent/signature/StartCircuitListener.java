package fr.conventionent.signature;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;

/**
 * A circuit begins: remember when, ask for fresh signed copies, name what it signs (the convention or an avenant) for
 * its tasks and forms, and let the commune follow it.
 */
@Component("startCircuitListener")
public class StartCircuitListener implements ExecutionListener {

    private final InstanceAccess instanceAccess;

    public StartCircuitListener(InstanceAccess instanceAccess) {
        this.instanceAccess = instanceAccess;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(SignatureCircuitProcess.DATE_ENTREE_CIRCUIT, ClockUtil.getCurrentTime());
        // each round of the circuit needs its own signed copies: last round's confirmation does not count
        execution.removeVariable(SignatureCircuitProcess.EXEMPLAIRES_SIGNES);
        execution.setVariables(CircuitWording.variables(execution));
        String insee = (String) execution.getVariable(ConventionVariables.COMMUNE_INSEE);
        instanceAccess.grantRead(Groups.commune(insee), execution.getProcessInstanceId());
    }
}
