package fr.conventionent.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records each step of the circuit when it ends ({@link FinishedSteps}), at deployment of every process rather than
 * in each BPMN. The listener comes after the ones the BPMN declares: a review that refuses its decision rolls the
 * row back with it.
 */
@Component
public class FinishedStepsPlugin extends AbstractProcessEnginePlugin {

    private final FinishedSteps steps;

    public FinishedStepsPlugin(FinishedSteps steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new StepEndParseListener());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class StepEndParseListener extends AbstractBpmnParseListener {

        private final TaskListener ended = steps::ended;

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (CircuitSteps.keys().contains(activity.getId())
                    && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
                userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_DELETE, ended);
            }
        }
    }
}
