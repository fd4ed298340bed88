package fr.conventionent.convention;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Tells {@link ConventionLife} what the engine alone knows, at deployment of every process rather than in each
 * BPMN: the step a convention waits on (every task created under it, its circuit's included) and the deletion of a
 * convention's process by an administrator.
 */
@Component
public class ConventionStepsPlugin extends AbstractProcessEnginePlugin {

    private final ConventionLife life;

    public ConventionStepsPlugin(ConventionLife life) {
        this.life = life;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new StepsParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class StepsParseListener extends AbstractBpmnParseListener {

        private final TaskListener stepReached = task -> life.stepReached(
                ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId(), task.getName(),
                task.getCreateTime());

        private final ExecutionListener cancelled = execution -> {
            // a deletion carries its reason; a convention that ends by its life has none
            if (execution instanceof ExecutionEntity instance && instance.getDeleteReason() != null) {
                life.cancelled(instance.getProcessInstanceId());
            }
        };

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, stepReached);
            }
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (ConventionProcess.KEY.equals(processDefinition.getKey())) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cancelled);
            }
        }
    }
}
