package fr.conventionent.convention;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.EngineAuthorization;
import fr.conventionent.kernel.ConventionVariables;

/**
 * The running {@code convention} instances, found by their number (the business key), and their
 * variables, read and written for the procedures about them (dénonciation, résiliation, avenant,
 * comité, charter). Acts without the current user's permissions: the callers decide who may act.
 */
@Component
public class ConventionRegistry {

    private final RuntimeService runtimeService;
    private final EngineAuthorization engineAuthorization;

    public ConventionRegistry(RuntimeService runtimeService, EngineAuthorization engineAuthorization) {
        this.runtimeService = runtimeService;
        this.engineAuthorization = engineAuthorization;
    }

    /** The running convention numbered {@code numero}, if any. */
    public Optional<ConventionRef> find(String numero) {
        if (numero == null || numero.isBlank()) {
            return Optional.empty();
        }
        return engineAuthorization.withoutChecks(() -> {
            ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(ConventionProcess.KEY).processInstanceBusinessKey(numero).singleResult();
            if (instance == null) {
                return Optional.<ConventionRef>empty();
            }
            Map<String, Object> variables = runtimeService.getVariables(instance.getId(), List.of(
                    ConventionVariables.COMMUNE_INSEE, ConventionVariables.STATUT));
            return Optional.of(new ConventionRef(instance.getId(), numero,
                    (String) variables.get(ConventionVariables.COMMUNE_INSEE),
                    (String) variables.get(ConventionVariables.STATUT)));
        });
    }

    /** @throws IllegalStateException if the convention is not running (a process error, not a user's) */
    public ConventionRef get(String numero) {
        return find(numero).orElseThrow(() -> new IllegalStateException("Aucune convention en cours n° " + numero));
    }

    public Object variable(ConventionRef convention, String name) {
        return engineAuthorization.withoutChecks(() -> runtimeService.getVariable(convention.processInstanceId(), name));
    }

    public Map<String, Object> variables(ConventionRef convention, Collection<String> names) {
        return engineAuthorization.withoutChecks(() ->
                runtimeService.getVariables(convention.processInstanceId(), names));
    }

    public Object typedVariable(ConventionRef convention, String name) {
        return engineAuthorization.withoutChecks(() ->
                runtimeService.getVariableTyped(convention.processInstanceId(), name));
    }

    public void set(ConventionRef convention, Map<String, ?> variables) {
        engineAuthorization.withoutChecks(() -> {
            runtimeService.setVariables(convention.processInstanceId(), variables);
            return null;
        });
    }

    public void set(ConventionRef convention, String name, Object value) {
        set(convention, Map.of(name, value));
    }

    /** Ids of the running instances of {@code processKey} about the convention {@code numero}. */
    public List<String> running(String processKey, String numero) {
        return engineAuthorization.withoutChecks(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(numero).list().stream()
                .map(ProcessInstance::getId).toList());
    }

    /** Cancels a running instance (its called processes and tasks go with it). */
    public void cancel(String processInstanceId, String reason) {
        engineAuthorization.withoutChecks(() -> {
            runtimeService.deleteProcessInstanceIfExists(processInstanceId, reason, false, true, false, false);
            return null;
        });
    }
}
