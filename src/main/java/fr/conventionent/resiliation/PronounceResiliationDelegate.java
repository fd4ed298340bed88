package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Three months without effect: the convention is résiliée de plein droit. */
@Component("pronounceResiliationDelegate")
public class PronounceResiliationDelegate implements JavaDelegate {

    private final Resiliations resiliations;

    public PronounceResiliationDelegate(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resiliations.pronounce(execution);
    }
}
