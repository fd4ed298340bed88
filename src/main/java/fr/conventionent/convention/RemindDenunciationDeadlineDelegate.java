package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One month before the last day to denounce before the next renewal: both parties are reminded. */
@Component("remindDenunciationDeadlineDelegate")
public class RemindDenunciationDeadlineDelegate implements JavaDelegate {

    private final ConventionTerm term;

    public RemindDenunciationDeadlineDelegate(ConventionTerm term) {
        this.term = term;
    }

    @Override
    public void execute(DelegateExecution execution) {
        term.remindDenunciationDeadline(execution);
    }
}
