package fr.conventionent.aaf;

import java.util.Arrays;
import java.util.Optional;

/** Type d'extraction AAF, tel qu'il apparaît dans le nom de fichier (Annexe 2 §2 de la convention). */
public enum AafFileType {
    COMPLET("Complet"),
    DELTA("Delta");

    private final String label;

    AafFileType(String label) {
        this.label = label;
    }

    /** Libellé exact attendu dans le nom de fichier (sensible à la casse). */
    public String label() {
        return label;
    }

    public static Optional<AafFileType> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    /** Lecture tolérante à la casse, pour les arguments de ligne de commande. */
    public static Optional<AafFileType> fromLabelIgnoreCase(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equalsIgnoreCase(label)).findFirst();
    }
}
