package fr.conventionent.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.document.PdfDocuments;
import fr.conventionent.kernel.ConventionVariables;

/** The PDF that goes round the circuit ({@code conventionPdf}: the convention's, or the avenant's). */
final class CircuitDocument {

    private CircuitDocument() {
    }

    /** Its SHA-256, or null for a circuit started before documents had a PDF. */
    static String sha256Of(VariableScope scope) {
        if (!(scope.getVariableTyped(ConventionVariables.CONVENTION_PDF) instanceof FileValue pdf)
                || pdf.getValue() == null) {
            return null;
        }
        try (InputStream in = pdf.getValue()) {
            return PdfDocuments.sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
