package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Constater la régularisation": the remedy is confirmed and dated. */
@Component("remedyListener")
public class RemedyListener implements TaskListener {

    private final Resiliations resiliations;

    public RemedyListener(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void notify(DelegateTask task) {
        resiliations.checkRemedy(task);
    }
}
