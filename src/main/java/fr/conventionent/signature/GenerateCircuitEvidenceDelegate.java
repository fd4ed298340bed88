package fr.conventionent.signature;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import fr.conventionent.document.ConventionDocument;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;

/**
 * Once signed, the circuit's evidence sheet (bordereau de circuit) is generated from
 * {@code historiqueCircuit} and kept as the {@code bordereauCircuit} file variable; the next step
 * archives it with the signed copy.
 */
@Component("generateCircuitEvidenceDelegate")
public class GenerateCircuitEvidenceDelegate implements JavaDelegate {

    private final UserDirectory users;

    public GenerateCircuitEvidenceDelegate(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SignedConvention signed = SignedConvention.of(execution);
        var entries = CircuitEvidenceDocument.entries(JsonVariables.readList(
                execution.getVariable(ConventionVariables.HISTORIQUE_CIRCUIT), java.util.Map.class));
        var scan = new CircuitEvidenceDocument.SignedScan(signed.scanFileName(),
                (String) execution.getVariable(SignatureCircuitProcess.EMPREINTE_SCAN),
                (String) execution.getVariable(SignatureCircuitProcess.EMPREINTE_VERSION_SIGNEE));
        byte[] docx = CircuitEvidenceDocument.generate(signed.numero(), signed.avenantNumero(), signed.communeNom(),
                signed.dateSignature(), entries, scan, users::fullNameOf, ClockUtil.getCurrentTime());
        execution.setVariable(SignatureCircuitProcess.BORDEREAU_CIRCUIT,
                Variables.fileValue(CircuitEvidenceDocument.fileName(signed.numero(), signed.avenantNumero()))
                        .file(docx).mimeType(ConventionDocument.MIME_TYPE).create());
    }
}
