package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The commune's approval and the DACES's review of the general objectives: a decision, a reason to refuse. */
@Component("avenantReviewListener")
public class AvenantReviewListener implements TaskListener {

    private final Avenants avenants;

    public AvenantReviewListener(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void notify(DelegateTask task) {
        avenants.review(task);
    }
}
