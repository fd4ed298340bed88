package fr.conventionent.pilotage;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;

/**
 * On the convention, when "Réunir le comité de pilotage" ends: the comité held joins the list
 * {@code comites}, and the next one is due 6 months after the previous due date (numbered from
 * the signature, so a late comité does not shift the following ones).
 */
@Component("steeringCommitteeHeldListener")
public class SteeringCommitteeHeldListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Object held = execution.getVariable(SteeringCommitteeProcess.COMITE_TENU);
        if (held != null) {
            List<Object> comites = new ArrayList<>(
                    JsonVariables.readList(execution.getVariable(ConventionVariables.COMITES), Object.class));
            comites.add(JsonVariables.read(held));
            execution.setVariable(ConventionVariables.COMITES, JsonVariables.write(comites));
            execution.removeVariable(SteeringCommitteeProcess.COMITE_TENU);
        }
        int numero = ((Number) execution.getVariable(ConventionVariables.NUMERO_COMITE)).intValue();
        execution.setVariable(ConventionVariables.NUMERO_COMITE, numero + 1);
    }
}
