package fr.conventionent.incident;

import java.util.Arrays;
import java.util.Optional;

/** Scope given by the RSSI when qualifying an incident: who or what is affected. */
public enum IncidentScope {

    SCHOOLS("ecoles", "Une ou plusieurs écoles de la commune"),
    COMMUNE("commune", "Tout l'ENT de la commune"),
    SEVERAL_COMMUNES("plusieurs-communes", "Plusieurs communes"),
    ACADEMIE("academie", "Toute l'académie");

    private final String code;
    private final String label;

    IncidentScope(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<IncidentScope> ofCode(Object code) {
        return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
    }

    public static String labelOf(Object code) {
        return ofCode(code).map(IncidentScope::label).orElse(String.valueOf(code));
    }
}
