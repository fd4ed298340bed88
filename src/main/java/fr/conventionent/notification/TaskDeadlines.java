package fr.conventionent.notification;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;

/**
 * Due dates and reminder cycles of the user tasks, from the configured time per step
 * ({@code convention.delais.etapes}). BPMN: {@code camunda:dueDate="${taskDeadlines.dueDate('transmettre-ien')}"}.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    private final ConventionProperties.Delais delais;

    public TaskDeadlines(ConventionProperties properties) {
        this.delais = properties.delais();
    }

    public Date dueDate(String step) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(ConventionProperties.parseDelay(delais.of(step))));
    }

    /** A reminder when the due date passes, then again after each further period, a few times. */
    public String reminderCycle(String step) {
        return "R" + delais.relances() + "/" + delais.of(step);
    }
}
