package fr.conventionent.aaf.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A delivery run that fails (SFTP down, target to confirm) rolls its transaction back and is retried: it has failed
 * for good when its last attempt becomes an incident. The engine's handler of failed jobs still creates the incident;
 * this one also writes the run's failure to {@link AafRunLog}, in the incident's transaction.
 */
@Component
public class AafFailedRunPlugin extends AbstractProcessEnginePlugin {

    private final AafRunLog log;

    public AafFailedRunPlugin(AafRunLog log) {
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new FailedRunHandler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    private final class FailedRunHandler extends DefaultIncidentHandler {

        FailedRunHandler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            if (LivraisonAafProcess.TASK_DELIVER.equals(context.getActivityId()) && context.getExecutionId() != null) {
                ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                        .findExecutionById(context.getExecutionId());
                if (execution != null && execution.getBusinessKey() != null) {
                    log.failed(execution.getBusinessKey(), ClockUtil.getCurrentTime(), message);
                }
            }
            return incident;
        }
    }
}
