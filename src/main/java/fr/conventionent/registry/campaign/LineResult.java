package fr.conventionent.registry.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one line of a campaign: its code in the database and its French label. */
public enum LineResult {
    EN_ATTENTE("en-attente", "en attente"),
    DEMARREE("demarree", "démarrée"),
    REFUSEE("refusee", "refusée");

    private final String code;
    private final String label;

    LineResult(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static LineResult ofCode(String code) {
        for (LineResult result : values()) {
            if (result.code.equals(code)) {
                return result;
            }
        }
        throw new IllegalArgumentException("Résultat de ligne inconnu : " + code);
    }
}
