package fr.conventionent.signature;

import java.io.InputStream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.ConventionVariables;

/**
 * Annexe 2 §1: the académie keeps one signed copy; its scan, the generated DOCX and the bordereau de
 * circuit are archived.
 */
@Component("archiveSignedCopyDelegate")
public class ArchiveSignedCopyDelegate implements JavaDelegate {

    private final SignedConventionFiling filing;

    public ArchiveSignedCopyDelegate(SignedConventionFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        SignedConvention signed = SignedConvention.of(execution);
        FileValue docx = execution.getVariableTyped(ConventionVariables.CONVENTION_DOCX);
        try (InputStream in = docx.getValue()) {
            execution.setVariable("cheminArchive",
                    filing.archive(signed, docx.getFilename(), in.readAllBytes()).getParent().toString());
        }
        FileValue bordereau = execution.getVariableTyped(SignatureCircuitProcess.BORDEREAU_CIRCUIT);
        if (bordereau != null && bordereau.getValue() != null) {
            try (InputStream in = bordereau.getValue()) {
                filing.archiveAlongside(signed, bordereau.getFilename(), in.readAllBytes());
            }
        }
    }
}
