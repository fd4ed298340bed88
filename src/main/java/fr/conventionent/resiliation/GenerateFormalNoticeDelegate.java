package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The mise en demeure (DOCX), to be sent by registered letter. */
@Component("generateFormalNoticeDelegate")
public class GenerateFormalNoticeDelegate implements JavaDelegate {

    private final Resiliations resiliations;

    public GenerateFormalNoticeDelegate(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resiliations.generateFormalNotice(execution);
    }
}
