package fr.conventionent.registry;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import fr.conventionent.aaf.process.LivraisonAafProcess;
import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.pilotage.SteeringCommitteeProcess;
import fr.conventionent.convention.ConventionVariables;

/**
 * Keeps the registry up to date from the engine's own history events, whichever step, listener or procedure
 * changed a convention: its data and status (variables of the {@code convention} instance), the step of its
 * circuit (tasks created under it), its next comité de pilotage (the comité timer) and its last AAF delivery.
 * Registered next to the default history handler by {@link RegistryEnginePlugin}.
 */
@Component
public class RegistryHistoryEventHandler implements HistoryEventHandler {

    private static final Set<String> CONVENTION_VARIABLES = Set.of(ConventionVariables.CONVENTION_NUMERO,
            ConventionVariables.COMMUNE_INSEE, ConventionVariables.COMMUNE_NOM, ConventionVariables.COMMUNE_LIBELLE,
            ConventionVariables.DEPARTEMENT, ConventionVariables.CIRCONSCRIPTION, ConventionVariables.STATUT,
            ConventionVariables.DATE_SIGNATURE, ConventionVariables.DATE_FIN_INITIALE,
            ConventionVariables.DATE_DEBUT_PERIODE, ConventionVariables.DATE_FIN, ConventionVariables.VERSION);

    private final RegistryWriter writer;
    private final RegistryRowMapper rows;

    public RegistryHistoryEventHandler(RegistryWriter writer, RegistryRowMapper rows) {
        this.writer = writer;
        this.rows = rows;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            onVariable(variable);
        } else if (event instanceof HistoricTaskInstanceEventEntity task
                && HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(task.getEventType())) {
            // the step a convention waits on: its own tasks and those of the circuit it calls (same root)
            Date since = task.getStartTime();
            writer.update(task.getRootProcessInstanceId(), row -> {
                row.set("etape", task.getName());
                row.set("etape_depuis", since);
            });
        } else if (event instanceof HistoricProcessInstanceEventEntity instance
                && ConventionProcess.KEY.equals(instance.getProcessDefinitionKey())
                && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(instance.getEventType())
                && (HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
                || instance.getDeleteReason() != null)) {
            // deleted by an administrator (not ended by its life): no longer a convention
            writer.update(instance.getProcessInstanceId(), RegistryRowUpdate::delete);
        } else if (event instanceof HistoricJobLogEvent job && job.getState() == JobState.CREATED.getStateCode()
                && ConventionProcess.TIMER_STEERING_COMMITTEE.equals(job.getActivityId())
                && ConventionProcess.KEY.equals(job.getProcessDefinitionKey())) {
            writer.update(job.getProcessInstanceId(),
                    row -> row.set("prochain_comite", RegistryRowMapper.sqlDay(job.getJobDueDate())));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void onVariable(HistoricVariableUpdateEventEntity variable) {
        String processKey = variable.getProcessDefinitionKey();
        if (ConventionProcess.KEY.equals(processKey) && CONVENTION_VARIABLES.contains(variable.getVariableName())) {
            ExecutionEntity convention = execution(variable.getProcessInstanceId());
            if (convention != null) {
                Map<String, Object> columns = rows.conventionColumns(convention);
                writer.update(convention.getId(), row -> row.setAll(columns));
            }
        } else if (ConventionProcess.AAF_DELIVERY_KEY.equals(processKey)
                && LivraisonAafProcess.DERNIERE_LIVRAISON.equals(variable.getVariableName())) {
            ExecutionEntity delivery = execution(variable.getProcessInstanceId());
            if (delivery != null) {
                rows.aafColumns(delivery).ifPresent(columns -> writer.updateByNumero(delivery.getBusinessKey(), columns));
            }
        } else if (ConventionProcess.STEERING_COMMITTEE_KEY.equals(processKey)
                && SteeringCommitteeProcess.DATE_COMITE.equals(variable.getVariableName())) {
            // the comité is convened: its date replaces the date by which it was to be convened
            ExecutionEntity comite = execution(variable.getProcessInstanceId());
            if (comite != null && comite.getVariable(SteeringCommitteeProcess.DATE_COMITE) instanceof Date date) {
                writer.updateByNumero(comite.getBusinessKey(),
                        Map.of("prochain_comite", RegistryRowMapper.sqlDay(date)));
            }
        }
    }

    /** The process instance as the running command holds it (cached): its variables are the current ones. */
    private static ExecutionEntity execution(String processInstanceId) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null || processInstanceId == null) {
            return null;
        }
        return commandContext.getExecutionManager().findExecutionById(processInstanceId);
    }
}
