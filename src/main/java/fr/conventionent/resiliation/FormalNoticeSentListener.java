package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Envoyer la mise en demeure": the sending date is checked on the server (or the résiliation renounced). */
@Component("formalNoticeSentListener")
public class FormalNoticeSentListener implements TaskListener {

    private final Resiliations resiliations;

    public FormalNoticeSentListener(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void notify(DelegateTask task) {
        resiliations.checkSending(task);
    }
}
