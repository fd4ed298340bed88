package fr.conventionent.identity.delegation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Each night: absences starting today reach the open tasks, absences ended yesterday leave them. */
@Component
public class ApplyAbsencesDelegate implements JavaDelegate {

    private final AbsenceSubstitutes substitutes;

    public ApplyAbsencesDelegate(AbsenceSubstitutes substitutes) {
        this.substitutes = substitutes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        substitutes.applyToOpenTasks();
    }
}
