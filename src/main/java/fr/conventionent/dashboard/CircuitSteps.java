package fr.conventionent.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.signature.SignatureCircuitProcess;

/** The steps of a convention before its signature, in circuit order, with the short names the charts show. */
final class CircuitSteps {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(ConventionProcess.TASK_COMPLETE, "Compléter (commune)");
        LABELS.put(SignatureCircuitProcess.TASK_SIGN_COPIES, "Signer les exemplaires (commune)");
        LABELS.put(SignatureCircuitProcess.TASK_TRANSMIT_BY_IEN, "Transmettre (IEN)");
        LABELS.put(SignatureCircuitProcess.TASK_VERIFY_BY_TICE, "Vérifier (IEN TICE)");
        LABELS.put(SignatureCircuitProcess.TASK_VALIDATE_BY_DASEN, "Valider (IA-DASEN)");
        LABELS.put(SignatureCircuitProcess.TASK_TRANSMIT_FOR_SIGNATURE, "Transmettre pour signature (DACES)");
        LABELS.put(SignatureCircuitProcess.TASK_SIGN_BY_RECTEUR, "Signer (Recteur)");
        LABELS.put(SignatureCircuitProcess.TASK_UPLOAD_SIGNED_SCAN, "Numériser la convention signée (DACES)");
    }

    private CircuitSteps() {
    }

    static List<String> keys() {
        return List.copyOf(LABELS.keySet());
    }

    static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    static int rank(String key) {
        int rank = keys().indexOf(key);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }
}
