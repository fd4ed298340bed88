package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Rédiger l'avenant": object, clauses and annexes checked on the server, changes computed. */
@Component("avenantDraftListener")
public class AvenantDraftListener implements TaskListener {

    private final Avenants avenants;

    public AvenantDraftListener(Avenants avenants) {
        this.avenants = avenants;
    }

    @Override
    public void notify(DelegateTask task) {
        avenants.checkDraft(task);
    }
}
