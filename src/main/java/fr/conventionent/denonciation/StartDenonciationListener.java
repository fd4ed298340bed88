package fr.conventionent.denonciation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A party opens a dénonciation from Tasklist with the convention number: checked, then locked. */
@Component("startDenonciationListener")
public class StartDenonciationListener implements ExecutionListener {

    private final Denonciations denonciations;

    public StartDenonciationListener(Denonciations denonciations) {
        this.denonciations = denonciations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        denonciations.open(execution);
    }
}
