package fr.conventionent.denonciation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The dénonciation is abandoned before its notification: the convention goes on. */
@Component("abandonDenonciationDelegate")
public class AbandonDenonciationDelegate implements JavaDelegate {

    private final Denonciations denonciations;

    public AbandonDenonciationDelegate(Denonciations denonciations) {
        this.denonciations = denonciations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        denonciations.abandon(execution);
    }
}
