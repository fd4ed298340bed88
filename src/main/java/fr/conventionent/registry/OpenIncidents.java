package fr.conventionent.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

import fr.conventionent.incident.IncidentProcess;

/** Security incidents still open (running {@code incident-securite} instances), counted per commune. */
@Component
public class OpenIncidents {

    private final RuntimeService runtimeService;

    public OpenIncidents(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public Map<String, Integer> perCommune() {
        List<String> ids = runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
                .list().stream().map(ProcessInstance::getId).toList();
        Map<String, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        for (VariableInstance commune : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(ids.toArray(String[]::new)).variableName(IncidentProcess.COMMUNE_INSEE).list()) {
            if (commune.getProcessInstanceId().equals(commune.getExecutionId())) {
                counts.merge(String.valueOf(commune.getValue()), 1, Integer::sum);
            }
        }
        return counts;
    }
}
