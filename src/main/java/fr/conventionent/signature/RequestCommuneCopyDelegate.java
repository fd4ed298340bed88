package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Annexe 2 §1: one signed copy returns to the commune. Asks the DACES to post it, in a process of its own
 * ({@link CommuneCopyProcess}), so that the convention or avenant does not wait for the post to apply.
 */
@Component("requestCommuneCopyDelegate")
public class RequestCommuneCopyDelegate implements JavaDelegate {

    /** What the posting task, its form and the commune's mail need. */
    private static final List<String> CARRIED = List.of(CONVENTION_NUMERO, COMMUNE_INSEE, COMMUNE_NOM,
            COMMUNE_LIBELLE, REFERENT_ENT, DATE_SIGNATURE, SignedConvention.AVENANT_NUMERO);

    @Override
    public void execute(DelegateExecution execution) {
        VariableMap variables = Variables.createVariables();
        for (String name : CARRIED) {
            if (execution.getVariable(name) != null) {
                variables.putValueTyped(name, execution.getVariableTyped(name));
            }
        }
        Integer avenant = CircuitWording.avenantNumero(execution);
        variables.put(SignatureCircuitProcess.TITRE_CIRCUIT,
                CircuitWording.title((String) execution.getVariable(CONVENTION_NUMERO), avenant));
        variables.put(CommuneCopyProcess.PRECISION_AVENANT, avenant == null ? "" : " (avenant n° " + avenant + ")");
        execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(CommuneCopyProcess.KEY, execution.getProcessBusinessKey(), variables);
    }
}
