package fr.conventionent.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Task behaviour ({@link TaskBehaviours}) added to every process at deployment rather than written in each BPMN. */
@Component
public class TaskBehaviourPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new TaskBehaviourParseListener(configuration::getExpressionManager));
        configuration.setCustomPostBPMNParseListeners(listeners);
        // the engine's only parse factory: another one would have to register the reminders' job declarations too
        configuration.setBpmnParseFactory(ReminderJobsBpmnParse::new);
    }
}
