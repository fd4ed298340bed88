package fr.conventionent.signature;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Annexe 2 §1: the scanned convention is filed in the shared folder (convention.documents.repertoire-partage). */
@Component("fileInSharedFolderDelegate")
public class FileInSharedFolderDelegate implements JavaDelegate {

    private final SignedConventionFiling filing;

    public FileInSharedFolderDelegate(SignedConventionFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        execution.setVariable("cheminRepertoirePartage", filing.fileInSharedFolder(SignedConvention.of(execution)).toString());
    }
}
