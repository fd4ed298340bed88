package fr.conventionent.signature;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the circuit's steps that take no decision (the commune's signature, the scan). */
@Component("circuitStepListener")
public class CircuitStepListener implements TaskListener {

    private final CircuitJournal journal;

    public CircuitStepListener(CircuitJournal journal) {
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        journal.record(task, "effectuée", null);
    }
}
