package fr.conventionent.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionVariables;

/**
 * Camunda Forms have no file link of their own: each task gets task-local links to the
 * convention's documents, through the API behind Tasklist (the user's session and task
 * permissions apply), which its form shows as "Télécharger la convention", with the SHA-256 of its PDF.
 */
@Component("documentLinksListener")
public class DocumentLinksListener implements TaskListener {

    public static final String LIEN_CONVENTION = "lienConvention";
    public static final String LIEN_CONVENTION_SIGNEE = "lienConventionSignee";
    public static final String LIEN_CONVENTION_PDF = "lienConventionPdf";
    /** SHA-256 of the PDF the task shows: the reviewer can check the file they read is the one recorded. */
    public static final String EMPREINTE_CONVENTION = "empreinteConvention";

    @Override
    public void notify(DelegateTask task) {
        link(task, ConventionVariables.CONVENTION_DOCX, LIEN_CONVENTION);
        link(task, ConventionVariables.CONVENTION_PDF, LIEN_CONVENTION_PDF);
        link(task, ConventionVariables.CONVENTION_SIGNEE_SCAN, LIEN_CONVENTION_SIGNEE);
        if (task.getVariableTyped(ConventionVariables.CONVENTION_PDF) instanceof FileValue pdf && pdf.getValue() != null) {
            try (InputStream in = pdf.getValue()) {
                task.setVariableLocal(EMPREINTE_CONVENTION, PdfDocuments.sha256(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void link(DelegateTask task, String fileVariable, String linkVariable) {
        if (task.getVariable(fileVariable) != null) {
            task.setVariableLocal(linkVariable, "/camunda/api/engine/engine/default/task/" + task.getId()
                    + "/variables/" + fileVariable + "/data");
        }
    }
}
