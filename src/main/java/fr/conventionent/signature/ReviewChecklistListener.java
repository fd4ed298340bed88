package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.InvalidSubmissionException;

/**
 * A review step passes the document on only with every point of its {@link ReviewChecklist} ticked; a rejection
 * needs none. Declared on the review steps of the circuit's BPMN since the steps have their checklists, so that
 * circuits started earlier (on an earlier version, with the generic form) go on without it.
 */
@Component("reviewChecklistListener")
public class ReviewChecklistListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!DECISION_VALIDER.equals(task.getVariable(DECISION))) {
            return;
        }
        List<String> unticked = ReviewChecklist.unticked(task);
        if (!unticked.isEmpty()) {
            throw new InvalidSubmissionException("Cochez chaque point de la liste de contrôle avant de transmettre"
                    + " (ou rejetez avec un motif). Point" + (unticked.size() > 1 ? "s" : "") + " non coché"
                    + (unticked.size() > 1 ? "s" : "") + " : « " + String.join(" », « ", unticked) + " ».");
        }
    }
}
