package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;

/**
 * End of a dénonciation's notice, or of the access kept after a résiliation: the procedure tells
 * its convention to close (message {@code FinDeConvention}, business key = convention number),
 * with how and when it ends ({@code motifFin}, {@code dateFinExclusive}).
 */
@Component("endConventionDelegate")
public class EndConventionDelegate implements JavaDelegate {

    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;

    public EndConventionDelegate(RuntimeService runtimeService, EngineAuthorization engineAuthorization) {
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : new String[] {MOTIF_FIN, DATE_FIN_EXCLUSIVE}) {
            if (execution.getVariable(name) != null) {
                variables.put(name, execution.getVariable(name));
            }
        }
        engineAuthorization.withoutChecks(() -> runtimeService.createMessageCorrelation(ConventionProcess.MESSAGE_END)
                .processInstanceBusinessKey(execution.getProcessBusinessKey()).setVariables(variables)
                .correlateWithResult());
    }
}
