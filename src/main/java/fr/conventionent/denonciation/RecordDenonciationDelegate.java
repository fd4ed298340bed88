package fr.conventionent.denonciation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The dénonciation is notified: the convention is en préavis for 3 months. */
@Component("recordDenonciationDelegate")
public class RecordDenonciationDelegate implements JavaDelegate {

    private final Denonciations denonciations;

    public RecordDenonciationDelegate(Denonciations denonciations) {
        this.denonciations = denonciations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        denonciations.record(execution);
    }
}
