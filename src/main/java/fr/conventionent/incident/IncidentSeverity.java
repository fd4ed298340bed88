package fr.conventionent.incident;

import java.util.Arrays;
import java.util.Optional;

/** Severity given by the RSSI when qualifying an incident. */
public enum IncidentSeverity {

    LOW("faible", "Faible"),
    MEDIUM("moyenne", "Moyenne"),
    HIGH("elevee", "Élevée"),
    CRITICAL("critique", "Critique");

    private final String code;
    private final String label;

    IncidentSeverity(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<IncidentSeverity> ofCode(Object code) {
        return Arrays.stream(values()).filter(severity -> severity.code.equals(code)).findFirst();
    }

    public static String labelOf(Object code) {
        return ofCode(code).map(IncidentSeverity::label).orElse(String.valueOf(code));
    }
}
