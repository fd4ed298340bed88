package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The anniversary is reached: tacit renewal for one year (article 11). */
@Component("renewConventionDelegate")
public class RenewConventionDelegate implements JavaDelegate {

    private final ConventionTerm term;

    public RenewConventionDelegate(ConventionTerm term) {
        this.term = term;
    }

    @Override
    public void execute(DelegateExecution execution) {
        term.renew(execution);
    }
}
