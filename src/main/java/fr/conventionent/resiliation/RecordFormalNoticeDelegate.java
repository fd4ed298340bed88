package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mise en demeure is sent: the 3 months start, both parties get the letter. */
@Component("recordFormalNoticeDelegate")
public class RecordFormalNoticeDelegate implements JavaDelegate {

    private final Resiliations resiliations;

    public RecordFormalNoticeDelegate(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resiliations.recordFormalNotice(execution);
    }
}
