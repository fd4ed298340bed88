package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * What the steps after the signature need to know of the signed convention. The circuit also signs
 * avenants (called by the {@code avenant} process, which sets {@code avenantNumero}): their scan gets
 * its own file name, so that it never overwrites the signed convention in the shared folder or the
 * archive.
 */
record SignedConvention(String numero, String communeNom, String communeInsee, Date dateSignature,
                        String scanFileName, byte[] scan, Integer avenantNumero) {

    /** Set by the avenant process on the circuits it calls. */
    static final String AVENANT_NUMERO = "avenantNumero";

    static SignedConvention of(DelegateExecution execution) {
        FileValue scan = execution.getVariableTyped(CONVENTION_SIGNEE_SCAN);
        Integer avenant = execution.getVariable(AVENANT_NUMERO) instanceof Number n ? n.intValue() : null;
        String numero = (String) execution.getVariable(CONVENTION_NUMERO);
        try (InputStream in = scan.getValue()) {
            return new SignedConvention(numero,
                    (String) execution.getVariable(COMMUNE_NOM), (String) execution.getVariable(COMMUNE_INSEE),
                    (Date) execution.getVariable(DATE_SIGNATURE), avenant == null
                    ? "Convention-ENT-" + numero + "-signee.pdf" : "Avenant-" + avenant + "-" + numero + "-signe.pdf",
                    in.readAllBytes(), avenant);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAvenant() {
        return avenantNumero != null;
    }

    /** "La convention ENT n° …" or "L'avenant n° k à la convention ENT n° …". */
    String document() {
        return (isAvenant() ? "L'avenant n° " + avenantNumero + " à la convention ENT n° " : "La convention ENT n° ")
                + numero;
    }
}
