package fr.conventionent.convention;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import fr.conventionent.document.ConventionDocument;

/** (Re)generates the convention DOCX from the current data, so a corrected convention is never stale. */
@Component("generateConventionDelegate")
public class GenerateConventionDelegate implements JavaDelegate {

    private final ConventionDocument document;

    public GenerateConventionDelegate(ConventionDocument document) {
        this.document = document;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String numero = (String) execution.getVariable(ConventionVariables.CONVENTION_NUMERO);
        int version = (Integer) execution.getVariable(ConventionVariables.VERSION);
        byte[] docx = document.generate(ConventionDataMapper.read(execution), numero, version);
        execution.setVariable(ConventionVariables.CONVENTION_DOCX,
                Variables.fileValue(ConventionDocument.fileName(numero, version))
                        .file(docx).mimeType(ConventionDocument.MIME_TYPE).create());
    }
}
