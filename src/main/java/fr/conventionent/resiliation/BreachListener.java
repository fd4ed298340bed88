package fr.conventionent.resiliation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Qualifier le manquement": checked on the server (breach, commitment of the other party, no force majeure). */
@Component("breachListener")
public class BreachListener implements TaskListener {

    private final Resiliations resiliations;

    public BreachListener(Resiliations resiliations) {
        this.resiliations = resiliations;
    }

    @Override
    public void notify(DelegateTask task) {
        resiliations.checkBreach(task);
    }
}
