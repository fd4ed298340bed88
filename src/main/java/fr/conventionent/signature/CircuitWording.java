package fr.conventionent.signature;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import fr.conventionent.kernel.ConventionVariables;

/**
 * How the circuit names what goes round it: the convention, or one of its avenants (the {@code avenant} process sets
 * {@code avenantNumero} on the circuits it calls). Task names, forms and mails read these phrases, so that an avenant's
 * tasks never ask to sign "la convention".
 */
public final class CircuitWording {

    private CircuitWording() {
    }

    /** The avenant's number, or null when the circuit signs the convention itself. */
    public static Integer avenantNumero(VariableScope scope) {
        return scope.getVariable(SignedConvention.AVENANT_NUMERO) instanceof Number n ? n.intValue() : null;
    }

    /** "la convention" or "l'avenant n° 2". */
    public static String document(Integer avenant) {
        return avenant == null ? "la convention" : "l'avenant n° " + avenant;
    }

    /** "la convention signée" or "l'avenant n° 2 signé". */
    public static String signedDocument(Integer avenant) {
        return avenant == null ? "la convention signée" : "l'avenant n° " + avenant + " signé";
    }

    /** "Convention CONV-…" or "Avenant n° 2 à la convention CONV-…". */
    public static String title(String numero, Integer avenant) {
        return (avenant == null ? "Convention " : "Avenant n° " + avenant + " à la convention ") + numero;
    }

    /** The variables the circuit's task names and forms read. */
    static Map<String, Object> variables(VariableScope scope) {
        Integer avenant = avenantNumero(scope);
        return Map.of(SignatureCircuitProcess.DOCUMENT_CIRCUIT, document(avenant),
                SignatureCircuitProcess.DOCUMENT_CIRCUIT_SIGNE, signedDocument(avenant),
                SignatureCircuitProcess.TITRE_CIRCUIT,
                title((String) scope.getVariable(ConventionVariables.CONVENTION_NUMERO), avenant));
    }
}
