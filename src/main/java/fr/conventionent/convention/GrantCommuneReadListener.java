package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;

/**
 * Start of a process about a convention that the convention calls or starts (comité de pilotage,
 * formalités CNIL, charte des utilisateurs): the commune's group may read it, as every instance
 * about its convention.
 */
@Component("grantCommuneReadListener")
public class GrantCommuneReadListener implements ExecutionListener {

    private final InstanceAccess instanceAccess;

    public GrantCommuneReadListener(InstanceAccess instanceAccess) {
        this.instanceAccess = instanceAccess;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String insee = (String) execution.getVariable(ConventionVariables.COMMUNE_INSEE);
        instanceAccess.grantRead(Groups.commune(insee), execution.getProcessInstanceId());
    }
}
