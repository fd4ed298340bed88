package fr.conventionent.signature;

import static fr.conventionent.convention.ConventionVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;

/** What the steps after the signature need to know of the signed convention. */
record SignedConvention(String numero, String communeNom, String communeInsee, Date dateSignature,
                        String scanFileName, byte[] scan) {

    static SignedConvention of(DelegateExecution execution) {
        FileValue scan = execution.getVariableTyped(CONVENTION_SIGNEE_SCAN);
        try (InputStream in = scan.getValue()) {
            return new SignedConvention((String) execution.getVariable(CONVENTION_NUMERO),
                    (String) execution.getVariable(COMMUNE_NOM), (String) execution.getVariable(COMMUNE_INSEE),
                    (Date) execution.getVariable(DATE_SIGNATURE), "Convention-ENT-" + execution.getVariable(CONVENTION_NUMERO)
                    + "-signee.pdf", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
