package fr.conventionent.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.core.model.PropertyListKey;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives each user task what {@link TaskBehaviours} declares for it, as the engine parses the BPMN: the same
 * listeners, due date and reminder timer the BPMN used to spell out, after the task's own create listeners.
 *
 * <p>What a BPMN declares itself wins: older deployments, parsed again from the database after a restart, still
 * carry their hand-written listeners, timers and due dates, and must not mail or remind twice.
 */
final class TaskBehaviourParseListener extends AbstractBpmnParseListener {

    static final String NOTIFICATION = "${taskNotificationListener}";
    static final String DOCUMENT_LINKS = "${documentLinksListener}";

    /** The reminder timers added here, which {@link ReminderJobsBpmnParse} gives a job definition. */
    static final PropertyListKey<TimerDeclarationImpl> ADDED_REMINDERS = new PropertyListKey<>("taskBehaviourReminders");

    /** The engine's, looked up at parse time: it does not exist yet when the plugin registers this listener. */
    private final Supplier<ExpressionManager> expressions;

    TaskBehaviourParseListener(Supplier<ExpressionManager> expressions) {
        this.expressions = expressions;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
            TaskBehaviours.of(processKey, activity.getId())
                    .ifPresent(behaviour -> apply(behaviour, activity, userTask.getTaskDefinition()));
        }
    }

    private void apply(TaskBehaviour behaviour, ActivityImpl activity, TaskDefinition task) {
        ExpressionManager expressionManager = expressions.get();
        if (behaviour.dueDate() != null && task.getDueDateExpression() == null) {
            task.setDueDateExpression(expressionManager.createExpression(behaviour.dueDate()));
        }
        // after the task's own create listeners, the links, then the mail: the order the BPMN used to spell out
        if (behaviour.documentLinks() && !listensWith(task, DOCUMENT_LINKS)) {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, delegate(DOCUMENT_LINKS));
        }
        if (behaviour.creationMail() && !listensWith(task, NOTIFICATION)) {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, delegate(NOTIFICATION));
        }
        if (behaviour.reminderCycle() != null && !hasTimeoutListeners(activity)) {
            addReminder(activity, task, behaviour.reminderId(), behaviour.reminderCycle());
        }
    }

    /**
     * A timeout listener as Camunda builds one from {@code <camunda:taskListener event="timeout">}: a timer on the
     * task, which becomes a scope, whose job calls the listener by its id.
     */
    private void addReminder(ActivityImpl activity, TaskDefinition task, String listenerId, String cycle) {
        TimerDeclarationImpl timer = new TimerDeclarationImpl(expressions.get().createExpression(cycle),
                TimerDeclarationType.CYCLE, TimerTaskListenerJobHandler.TYPE);
        timer.setActivity(activity);
        timer.setRawJobHandlerConfiguration(activity.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
                + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + listenerId);
        timer.setJobConfiguration(TimerDeclarationType.CYCLE + ": " + cycle);
        timer.setJobPriorityProvider((ParameterValueProvider) activity.getProperty(BpmnParse.PROPERTYNAME_JOB_PRIORITY));
        activity.setScope(true);
        activity.setEventScope(activity);
        Map<String, TimerDeclarationImpl> timers = new HashMap<>();
        timers.put(listenerId, timer);
        activity.getProperties().putMapEntry(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS, activity.getId(), timers);
        activity.getProperties().addListItem(ADDED_REMINDERS, timer);
        task.addTimeoutTaskListener(listenerId, delegate(NOTIFICATION));
    }

    private TaskListener delegate(String expression) {
        return new DelegateExpressionTaskListener(expressions.get().createExpression(expression), List.of());
    }

    private static boolean listensWith(TaskDefinition task, String expression) {
        List<TaskListener> created = task.getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
        return created != null && created.stream().anyMatch(listener ->
                listener instanceof DelegateExpressionTaskListener delegate && expression.equals(delegate.getExpressionText()));
    }

    private static boolean hasTimeoutListeners(ActivityImpl activity) {
        Map<String, Map<String, TimerDeclarationImpl>> declared =
                activity.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
        return declared != null && declared.containsKey(activity.getId());
    }
}
