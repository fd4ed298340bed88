package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import fr.conventionent.document.ConventionDocument;

/**
 * (Re)generates the convention DOCX from the convention's record as it stands (the commune's text, with the maire
 * and référent in office today), so a corrected convention is never stale.
 */
@Component("generateConventionDelegate")
public class GenerateConventionDelegate implements JavaDelegate {

    private final ConventionDocument document;
    private final ConventionRecords records;

    public GenerateConventionDelegate(ConventionDocument document, ConventionRecords records) {
        this.document = document;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        int version = (Integer) execution.getVariable(ConventionVariables.VERSION);
        ConventionData data = records.current(numero).orElseGet(() -> ConventionDataMapper.read(execution));
        byte[] docx = document.generate(data, numero, version);
        execution.setVariable(ConventionVariables.CONVENTION_DOCX,
                Variables.fileValue(ConventionDocument.fileName(numero, version))
                        .file(docx).mimeType(ConventionDocument.MIME_TYPE).create());
    }
}
