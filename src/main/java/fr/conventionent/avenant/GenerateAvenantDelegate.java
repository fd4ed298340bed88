package fr.conventionent.avenant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import fr.conventionent.document.PdfDocuments;

/** The numbered avenant (DOCX, and its PDF, which circulates) that goes through the signature circuit. */
@Component("generateAvenantDelegate")
public class GenerateAvenantDelegate implements JavaDelegate {

    /** The PDF of {@link AvenantProcess#AVENANT_DOCX}: the circuit receives it as its {@code conventionPdf}. */
    public static final String AVENANT_PDF = "avenantPdf";

    private final Avenants avenants;
    private final PdfDocuments pdf;

    public GenerateAvenantDelegate(Avenants avenants, PdfDocuments pdf) {
        this.avenants = avenants;
        this.pdf = pdf;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        avenants.generate(execution);
        FileValue docx = execution.getVariableTyped(AvenantProcess.AVENANT_DOCX);
        execution.setVariable(AVENANT_PDF, pdf.pdfOf(docx));
    }
}
