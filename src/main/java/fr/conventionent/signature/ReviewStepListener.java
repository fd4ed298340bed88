package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * Every review step of the circuit: starts with no decision and an unticked checklist (so the previous step's or
 * round's choice is never pre-filled), and on completion requires {@code valider} or {@code rejeter} with a reason,
 * which goes back to the commune. The points of its {@link ReviewChecklist} the reviewer ticked are recorded in the
 * circuit's journal ({@link ReviewChecklistListener} requires them all to pass the document on).
 *
 * <p>A step offered to several reviewers at once (the IENs of the convention's circonscriptions) keeps each
 * one's decision and checklist in its own task and writes the step's outcome for the gateway after it:
 * {@code valider} while all transmit, {@code rejeter} as soon as one rejects, which ends the step for all.
 */
@Component("reviewStepListener")
public class ReviewStepListener implements TaskListener {

    private final CircuitJournal journal;

    public ReviewStepListener(CircuitJournal journal) {
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(DECISION);
            task.getExecution().removeVariable(MOTIF);
            ReviewChecklist.of(task.getTaskDefinitionKey())
                    .forEach(item -> task.getExecution().removeVariable(item.key()));
            if (isOneOfSeveral(task)) {
                // each reviewer's choice and ticks stay in their task, so that one cannot overwrite or fill another's
                task.getExecution().setVariableLocal(DECISION, null);
                task.getExecution().setVariableLocal(MOTIF, null);
                ReviewChecklist.of(task.getTaskDefinitionKey())
                        .forEach(item -> task.getExecution().setVariableLocal(item.key(), null));
            }
            return;
        }
        Object decision = task.getVariable(DECISION);
        String motif = task.getVariable(MOTIF) == null ? "" : task.getVariable(MOTIF).toString().trim();
        if (DECISION_REJETER.equals(decision)) {
            if (motif.isEmpty()) {
                throw new InvalidSubmissionException("Indiquez le motif du rejet : il sera transmis à la commune.");
            }
            task.setVariable(MOTIF, motif);
            task.setVariable(MOTIF_REJET, motif);
            task.setVariable(ETAPE_REJET, task.getName());
        } else if (!DECISION_VALIDER.equals(decision)) {
            throw new InvalidSubmissionException("Choisissez une décision : valider ou rejeter.");
        }
        if (isOneOfSeveral(task)) {
            task.getExecution().getProcessInstance().setVariable(DECISION, decision);
            if (!motif.isEmpty()) {
                task.getExecution().getProcessInstance().setVariable(MOTIF, motif);
            }
        }
        journal.record(task, (String) decision, motif.isEmpty() ? null : motif, ReviewChecklist.ticked(task));
    }

    /** An instance of a multi-instance step: the engine counts them on the step's own execution. */
    private static boolean isOneOfSeveral(DelegateTask task) {
        return task.getExecution().getVariable("nrOfInstances") != null;
    }
}
