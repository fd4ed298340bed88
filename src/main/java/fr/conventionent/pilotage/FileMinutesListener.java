package fr.conventionent.pilotage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.document.UploadedDocuments;

/** "Déposer le compte rendu": a PDF or office document, checked by its content and size. */
@Component("fileMinutesListener")
public class FileMinutesListener implements TaskListener {

    private final long maxBytes;

    public FileMinutesListener(ConventionProperties properties) {
        this.maxBytes = properties.documents().tailleMaxScanOctets();
    }

    @Override
    public void notify(DelegateTask task) {
        UploadedDocuments.checkPdfOrOffice(task.getExecution().getVariableTyped(SteeringCommitteeProcess.COMPTE_RENDU),
                "le compte rendu du comité de pilotage", maxBytes);
    }
}
