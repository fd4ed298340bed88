package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The convention ends: archived, AAF deliveries stopped, every party told. */
@Component("closeConventionDelegate")
public class CloseConventionDelegate implements JavaDelegate {

    private final ConventionClosure closure;

    public CloseConventionDelegate(ConventionClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        closure.close(execution);
    }
}
