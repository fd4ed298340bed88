package fr.conventionent.notification;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse, which also registers the reminder timers {@link TaskBehaviourParseListener} adds: a parse
 * listener cannot reach the parse's job declarations, and without them a reminder job has no job definition (none in
 * Cockpit, none for the migration API to map it to).
 */
final class ReminderJobsBpmnParse extends BpmnParse {

    ReminderJobsBpmnParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    public ActivityImpl parseUserTask(Element userTaskElement, ScopeImpl scope) {
        ActivityImpl activity = super.parseUserTask(userTaskElement, scope);
        for (TimerDeclarationImpl reminder : activity.getProperties().get(TaskBehaviourParseListener.ADDED_REMINDERS)) {
            addJobDeclarationToProcessDefinition(reminder, (ProcessDefinitionEntity) activity.getProcessDefinition());
        }
        return activity;
    }
}
