package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import fr.conventionent.document.ConventionDocument;
import fr.conventionent.document.PdfDocuments;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.ConventionVariables;

/**
 * (Re)generates the convention DOCX from the convention's record as it stands (the commune's text, with the maire
 * and référent in office today), so a corrected convention is never stale; and its PDF, which circulates for
 * signature.
 */
@Component("generateConventionDelegate")
public class GenerateConventionDelegate implements JavaDelegate {

    private final ConventionDocument document;
    private final ConventionRecords records;
    private final PdfDocuments pdf;

    public GenerateConventionDelegate(ConventionDocument document, ConventionRecords records, PdfDocuments pdf) {
        this.document = document;
        this.records = records;
        this.pdf = pdf;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        int version = (Integer) execution.getVariable(ConventionVariables.VERSION);
        ConventionData data = records.current(numero).orElseGet(() -> ConventionDataMapper.read(execution));
        byte[] docx = document.generate(data, numero, version);
        String fileName = ConventionDocument.fileName(numero, version);
        execution.setVariable(ConventionVariables.CONVENTION_DOCX,
                Variables.fileValue(fileName).file(docx).mimeType(ConventionDocument.MIME_TYPE).create());
        execution.setVariable(ConventionVariables.CONVENTION_PDF, Variables.fileValue(PdfDocuments.fileName(fileName))
                .file(pdf.toPdf(docx)).mimeType(PdfDocuments.MIME_TYPE).create());
    }
}
