package fr.conventionent.incident;

import java.util.Arrays;
import java.util.Optional;

/** What happened: the list of the report form (codes are stored, labels are shown). */
public enum IncidentType {

    INTRUSION("intrusion", "Intrusion ou compte compromis"),
    DATA_LEAK("fuite-donnees", "Fuite ou divulgation de données"),
    LOSS_OR_THEFT("perte-vol", "Perte ou vol de matériel ou de support"),
    MALWARE("logiciel-malveillant", "Logiciel malveillant ou rançongiciel"),
    PHISHING("hameconnage", "Hameçonnage (phishing)"),
    UNAVAILABILITY("indisponibilite", "Indisponibilité du service"),
    MISUSE("usage-abusif", "Contenu illicite ou usage abusif (protection des mineurs)"),
    OTHER("autre", "Autre incident");

    private final String code;
    private final String label;

    IncidentType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<IncidentType> ofCode(Object code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    public static String labelOf(Object code) {
        return ofCode(code).map(IncidentType::label).orElse(String.valueOf(code));
    }
}
