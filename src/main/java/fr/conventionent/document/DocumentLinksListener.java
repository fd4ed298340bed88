package fr.conventionent.document;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionVariables;

/**
 * Camunda Forms have no file link of their own: each task gets task-local links to the
 * convention's documents, through the API behind Tasklist (the user's session and task
 * permissions apply), which its form shows as "Télécharger la convention".
 */
@Component("documentLinksListener")
public class DocumentLinksListener implements TaskListener {

    public static final String LIEN_CONVENTION = "lienConvention";
    public static final String LIEN_CONVENTION_SIGNEE = "lienConventionSignee";

    @Override
    public void notify(DelegateTask task) {
        link(task, ConventionVariables.CONVENTION_DOCX, LIEN_CONVENTION);
        link(task, ConventionVariables.CONVENTION_SIGNEE_SCAN, LIEN_CONVENTION_SIGNEE);
    }

    private static void link(DelegateTask task, String fileVariable, String linkVariable) {
        if (task.getVariable(fileVariable) != null) {
            task.setVariableLocal(linkVariable, "/camunda/api/engine/engine/default/task/" + task.getId()
                    + "/variables/" + fileVariable + "/data");
        }
    }
}
